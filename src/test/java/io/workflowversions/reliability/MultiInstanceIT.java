package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.Response;
import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Concurrently.Outcome;
import io.workflowversions.support.ServiceProcess;
import io.workflowversions.support.ServiceProcess.SharedKeys;
import io.workflowversions.support.SpecValidation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged service processes on one PostgreSQL, with the same keys: concurrent writes spread over both keep
 * every invariant of the store, and a token issued by one instance is accepted by the other.
 */
class MultiInstanceIT {

    private static final String VERSIONS = "select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
            + " where w.dialect = ? and w.tenant = ? and w.external_key = ? and v.number is not null order by v.number";

    @TempDir
    static Path workDir;

    private static EmbeddedDatabase database;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static SharedKeys keys;
    private static Db db;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void twoInstances() throws Exception {
        database = EmbeddedDatabase.start(workDir.resolve("pg"), true);
        db = new Db(database.jdbcUrl());
        keys = SharedKeys.generate();
        Map<String, String> env = ServiceProcess.sharedInstanceEnv(database, keys);
        a = ServiceProcess.start(java.nio.file.Files.createDirectories(workDir.resolve("a")), env);
        b = ServiceProcess.start(java.nio.file.Files.createDirectories(workDir.resolve("b")), env);
        a.awaitReady(Duration.ofSeconds(40));
        b.awaitReady(Duration.ofSeconds(40));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] {a, b}) {
            if (service != null) {
                service.stop();
                service.keepLog("MultiInstanceIT-" + service.port());
            }
        }
        if (database != null) {
            database.close();
        }
        System.out.printf("[reliability] several instances: 2 processes, %d requests sent%n", REQUESTS.get());
    }

    /** Instance a for even task numbers, b for odd ones. */
    private static String url(int i) {
        REQUESTS.incrementAndGet();
        return (i % 2 == 0 ? a : b).url();
    }

    @Test
    void secmasterCreatesActivationsAndSubmitsSpreadOverTwoInstances() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        String token = t.secmasterToken(a.url());
        // Issued by a, accepted by b.
        String workflow = ProcessTenants.secmaster(url(1), token).body(ProcessTenants.secmasterWorkflowBody("creates"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");

        List<Outcome<Response>> created = Concurrently.run(40, i -> () -> ProcessTenants.secmaster(url(i), token)
                .body(ProcessTenants.secmasterVersionBody()).post(t.secmasterWorkflows() + "/" + workflow + "/versions"));
        assertThat(created).allSatisfy(o -> assertThat(o.value().statusCode()).isEqualTo(200));
        List<String> ids = created.stream().map(o -> o.value().<String>path("data.id")).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(40);
        String rows = " from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'secmaster' and w.tenant = ? and w.external_key = ?";
        assertThat(db.strings("select v.public_id" + rows, t.project, workflow)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(db.count("select count(v.number) - count(distinct v.number)" + rows, t.project, workflow)).isZero();

        List<Outcome<Response>> submits = Concurrently.run(20, i -> () -> ProcessTenants.secmaster(url(i), token)
                .body(Map.of("status", "pending_approval")).put(t.secmasterWorkflows() + "/versions/" + ids.get(i)));
        assertThat(submits).allMatch(Outcome::succeeded);
        assertThat(submits.stream().filter(o -> o.value().statusCode() == 200)).hasSize(1);
        assertThat(submits.stream().filter(o -> o.value().statusCode() != 200))
                .allSatisfy(o -> assertThat(o.value().statusCode()).isEqualTo(400));
        assertThat(db.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and w.external_key = ? and v.state = 'pending_approval'", t.project, workflow))
                .isEqualTo(1);

        String second = ProcessTenants.secmaster(url(0), token).body(ProcessTenants.secmasterWorkflowBody("activations"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = ProcessTenants.secmaster(url(i), token).body(ProcessTenants.secmasterVersionBody())
                    .post(t.secmasterWorkflows() + "/" + second + "/versions").then().statusCode(200).extract().path("data.id");
            ProcessTenants.secmaster(url(i), token).body(Map.of("status", "pending_approval"))
                    .put(t.secmasterWorkflows() + "/versions/" + id).then().statusCode(200);
            ProcessTenants.secmaster(url(i + 1), token).body(Map.of("result", "PASS", "content", "ok"))
                    .post(t.secmasterWorkflows() + "/versions/" + id + "/approval").then().statusCode(200);
            approved.add(id);
        }
        List<Outcome<Response>> activations = Concurrently.run(10, i -> () -> ProcessTenants.secmaster(url(i), token)
                .body(Map.of("status", "activated")).put(t.secmasterWorkflows() + "/versions/" + approved.get(i)));
        assertThat(activations).allSatisfy(o -> assertThat(o.value().statusCode()).isEqualTo(200));
        assertThat(db.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and w.external_key = ? and v.state = 'activated'", t.project, second)).isEqualTo(1);
        assertThat(db.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and w.external_key = ? and v.state = 'not_activated'", t.project, second)).isEqualTo(9);
        System.out.printf("[reliability] several instances, secmaster: 40 creates, 20 submits, 10 activations over 2"
                + " instances; rows checked 50; 40 distinct ids and numbers; pending 1; activated 1%n");
    }

    /** Each instance answers repeated reads from memory; a write through the other is seen there all the same. */
    @Test
    void aChangeThroughOneInstanceIsReadOnTheOther() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        String token = t.secmasterToken(a.url());
        String workflow = ProcessTenants.secmaster(a.url(), token).body(ProcessTenants.secmasterWorkflowBody("cached"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");
        String version = ProcessTenants.secmaster(a.url(), token).body(ProcessTenants.secmasterVersionBody())
                .post(t.secmasterWorkflows() + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id");
        String path = t.secmasterWorkflows() + "/versions/" + version;
        int reads = 0;
        long slowest = 0;
        for (int round = 0; round < 10; round++) {
            ServiceProcess writer = round % 2 == 0 ? a : b;
            ServiceProcess reader = round % 2 == 0 ? b : a;
            // The reader has the version in memory ...
            ProcessTenants.secmaster(reader.url(), token).get(path).then().statusCode(200);
            ProcessTenants.secmaster(reader.url(), token).get(path).then().statusCode(200);
            reads += 2;
            // ... and the other instance renames it.
            String name = "renamed by " + writer.port() + " in round " + round;
            ProcessTenants.secmaster(writer.url(), token).body(Map.of("name", name)).put(path).then().statusCode(200);
            long written = System.nanoTime();
            AtomicInteger polls = new AtomicInteger();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                    .untilAsserted(() -> {
                        polls.incrementAndGet();
                        assertThat(ProcessTenants.secmaster(reader.url(), token).get(path).then().statusCode(200)
                                .extract().<String>path("data.name")).isEqualTo(name);
                    });
            reads += polls.get();
            slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - written).toMillis());
        }
        REQUESTS.addAndGet(reads + 12);
        System.out.printf("[reliability] several instances, read cache: 10 renames through one instance, each read on the"
                + " other within %d ms (%d reads)%n", slowest, reads);
    }

    /**
     * The S7 traffic of the benchmark split over both instances: reads by id from memory with creates mixed in, while
     * versions are renamed through one instance or the other. The writer reads its rename back at once; the other
     * instance within its next reads of the change log; and the creates leave the other versions' cached reads alone.
     */
    @Test
    void underMixedTrafficEachInstanceReadsTheOthersWrites() throws Exception {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        String token = t.secmasterToken(a.url());
        String workflow = ProcessTenants.secmaster(a.url(), token).body(ProcessTenants.secmasterWorkflowBody("mixed"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(ProcessTenants.secmaster(url(i), token).body(ProcessTenants.secmasterVersionBody())
                    .post(t.secmasterWorkflows() + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id"));
        }
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger background = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        java.util.concurrent.ExecutorService load = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> loaders = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int seed = thread;
            loaders.add(load.submit(() -> {
                java.util.Random random = new java.util.Random(seed);
                while (running.get()) {
                    int n = background.incrementAndGet();
                    Response answer = random.nextInt(100) < 10
                            ? ProcessTenants.secmaster(url(n), token).body(ProcessTenants.secmasterVersionBody())
                                    .post(t.secmasterWorkflows() + "/" + workflow + "/versions")
                            : ProcessTenants.secmaster(url(n), token)
                                    .get(t.secmasterWorkflows() + "/versions/" + ids.get(random.nextInt(ids.size())));
                    if (answer.statusCode() != 200) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        long slowest = 0;
        try {
            for (int round = 0; round < 20; round++) {
                ServiceProcess writer = round % 2 == 0 ? a : b;
                ServiceProcess reader = round % 2 == 0 ? b : a;
                String path = t.secmasterWorkflows() + "/versions/" + ids.get(round % ids.size());
                String name = "mixed round " + round;
                ProcessTenants.secmaster(writer.url(), token).body(Map.of("name", name)).put(path).then().statusCode(200);
                long written = System.nanoTime();
                assertThat(ProcessTenants.secmaster(writer.url(), token).get(path).then().statusCode(200)
                        .extract().<String>path("data.name")).as("read back through the writer at once").isEqualTo(name);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2))
                        .untilAsserted(() -> assertThat(ProcessTenants.secmaster(reader.url(), token).get(path).then()
                                .statusCode(200).extract().<String>path("data.name")).isEqualTo(name));
                slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - written).toMillis());
            }
        } finally {
            running.set(false);
            for (java.util.concurrent.Future<?> loader : loaders) {
                loader.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            load.shutdown();
        }
        assertThat(refused).hasValue(0);
        REQUESTS.addAndGet(60);
        System.out.printf("[reliability] several instances, mixed traffic: %d reads and creates over both instances"
                + " while 20 renames were read back at once by the writer and within %d ms by the other%n",
                background.get(), slowest);
    }

    @Test
    void patchworksDeploysAndCopiesSpreadOverTwoInstances() {
        ProcessTenants t = ProcessTenants.create(b.url(), keys.adminToken());
        String bearer = t.patchworksLogin(b.url());
        // Issued by b, accepted by a.
        long flow = io.restassured.RestAssured.given().baseUri(url(0))
                .filter(io.workflowversions.support.SpecValidation.strict(ProcessTenants.PATCHWORKS))
                .header("Authorization", "Bearer " + bearer).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "two instances")).post("/api/v1/flows")
                .then().statusCode(201).extract().jsonPath().getLong("data.id");
        long[] ids = new long[10];
        ids[0] = t.patchworks(url(0)).post("/api/v1/flows/{flow}/versions", flow).then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                ids[i] = t.patchworks(url(i)).post("/api/v1/flows/{flow}/versions/{version}/copy", flow, ids[i - 1])
                        .then().statusCode(201).extract().jsonPath().getLong("data.id");
            }
            t.patchworks(url(i + 1)).body(Map.of("deployed_at", "2025-01-01T00:00:00Z"))
                    .put("/api/v1/flows/{flow}/versions/{version}", flow, ids[i]).then().statusCode(200);
        }

        List<Outcome<Integer>> deploys = Concurrently.run(10, i -> () -> t.patchworks(url(i))
                .body(Map.of("deployed_at", "2025-06-01T00:00:0" + i + "Z"))
                .put("/api/v1/flows/{flow}/versions/{version}", flow, ids[i]).statusCode());
        assertThat(deploys).extracting(Outcome::value).containsOnly(200);
        String key = Long.toString(flow);
        String byState = "select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'patchworks' and w.external_key = ? and v.state = ?";
        assertThat(db.count(byState, key, "Deployed")).isEqualTo(1);
        assertThat(db.count(byState, key, "Inactive")).isEqualTo(9);

        List<Outcome<Integer>> copies = Concurrently.run(20, i -> () -> t.patchworks(url(i))
                .post("/api/v1/flows/{flow}/versions/{version}/copy", flow, ids[i % 10]).statusCode());
        assertThat(copies).extracting(Outcome::value).containsOnly(201);
        assertThat(db.count(byState, key, "Draft")).isEqualTo(1);
        assertThat(db.count(byState, key, "Deployed")).isEqualTo(1);
        System.out.printf("[reliability] several instances, patchworks: 10 deploys, 20 copies over 2 instances;"
                + " deployed 1; draft 1%n");
    }

    @Test
    void frankieOnePublishesAndFortanixVersionsSpreadOverTwoInstances() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        List<Outcome<Integer>> publishes = Concurrently.run(30, i -> () -> t.frankieone(url(i))
                .body(ProcessTenants.definition("Publish " + i)).put("/v2/workflowDefinitions/two-instances")
                .then().statusCode(200).extract().path("workflowDefinition.version"));
        assertThat(publishes).allMatch(Outcome::succeeded);
        List<Long> expected = IntStream.rangeClosed(1, 30).mapToObj(Long::valueOf).toList();
        assertThat(publishes.stream().map(o -> o.value().longValue())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(db.longs(VERSIONS, "frankieone", t.customer, "two-instances")).containsExactlyElementsOf(expected);

        String token = t.fortanixLogin(b.url());
        // Issued by b, accepted by a.
        String graph = ProcessTenants.createGraph(url(0), token, "two instances");
        List<Outcome<String>> versions = Concurrently.run(20, i -> () -> ProcessTenants.fortanix(url(i), token)
                .body(ProcessTenants.graphContents("cfg-" + i)).post("/v1/workflows/final/graphs/" + graph)
                .then().statusCode(200).extract().path("version"));
        assertThat(versions).allMatch(Outcome::succeeded);
        assertThat(versions.stream().map(Outcome::value))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 21).mapToObj(Integer::toString).toList());
        assertThat(db.longs("select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'fortanix' and w.tenant = ? order by v.number", t.account))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 21).mapToObj(Long::valueOf).toList());
        System.out.printf("[reliability] several instances, frankieone: 30 publishes, versions 1..30; fortanix: 20 new"
                + " versions, \"2\"..\"21\" distinct; over 2 instances%n");
    }

    /**
     * A fault rule made through one instance applies on both: the other reads it from the change log within its poll
     * interval, its count is taken once in all, and deleting it through the other instance ends it on both.
     */
    @Test
    void aFaultRuleHoldsOnBothInstances() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        given().baseUri(a.url()).filter(SpecValidation.strict("admin.yaml")).header("Authorization", "Bearer " + keys.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("dialect", "frankieone", "tenant", t.customer, "operation", "listWorkflowDefinitions",
                        "fault", Map.of("type", "error", "status", 503), "times", 6))
                .post("/admin/v1/faults").then().statusCode(201);
        // b has read the rule once it answers with it; a took it at once.
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(t.frankieone(b.url()).get("/v2/workflowDefinitions").then().extract().statusCode()).isEqualTo(503));

        List<Outcome<Integer>> statuses = Concurrently.run(20, i -> () -> t.frankieone(url(i))
                .get("/v2/workflowDefinitions").then().extract().statusCode());
        assertThat(statuses).allMatch(Outcome::succeeded);
        assertThat(statuses.stream().filter(o -> o.value() == 503)).hasSize(5);
        assertThat(statuses.stream().filter(o -> o.value() == 200)).hasSize(15);

        String id = given().baseUri(b.url()).filter(SpecValidation.strict("admin.yaml"))
                .header("Authorization", "Bearer " + keys.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("dialect", "frankieone", "tenant", t.customer, "fault", Map.of("type", "error", "status", 500)))
                .post("/admin/v1/faults").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(t.frankieone(a.url()).get("/v2/workflowDefinitions").then().extract().statusCode()).isEqualTo(500));
        given().baseUri(a.url()).filter(SpecValidation.strict("admin.yaml")).header("Authorization", "Bearer " + keys.adminToken())
                .delete("/admin/v1/faults/" + id).then().statusCode(204);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(t.frankieone(b.url()).get("/v2/workflowDefinitions").then().extract().statusCode()).isEqualTo(200));
        assertThat(t.frankieone(a.url()).get("/v2/workflowDefinitions").then().extract().statusCode()).isEqualTo(200);
        REQUESTS.addAndGet(26);
        System.out.printf("[reliability] several instances, faults: a rule made on one instance applied on the other,"
                + " 6 times in all over 2 instances; deleted on one, ended on both%n");
    }

    /**
     * A tenant's clock set through one instance stamps what the other writes, an advance through the other moves both,
     * and a token issued by one expires on the other once that clock passes its lifetime.
     */
    @Test
    void aClockHoldsOnBothInstances() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        admin(a.url()).body(Map.of("dialect", "frankieone", "tenant", t.customer, "fixed", "2025-01-31T10:00:00Z"))
                .put("/admin/v1/clock").then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(t.frankieone(b.url()).body(ProcessTenants.definition("clocked")).put("/v2/workflowDefinitions/clocked")
                        .then().statusCode(200).extract().<String>path("workflowDefinition.updatedAt"))
                        .isEqualTo("2025-01-31T10:00:00Z"));

        admin(b.url()).body(Map.of("dialect", "frankieone", "tenant", t.customer, "by", "PT1H"))
                .post("/admin/v1/clock/advance").then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(t.frankieone(a.url()).body(ProcessTenants.definition("clocked")).put("/v2/workflowDefinitions/clocked")
                        .then().statusCode(200).extract().<String>path("workflowDefinition.updatedAt"))
                        .isEqualTo("2025-01-31T11:00:00Z"));

        String token = t.secmasterToken(a.url());
        ProcessTenants.secmaster(b.url(), token).get(t.secmasterWorkflows()).then().statusCode(200);
        admin(a.url()).body(Map.of("dialect", "secmaster", "tenant", t.project, "by", "P1DT1M"))
                .post("/admin/v1/clock/advance").then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(ProcessTenants.secmaster(b.url(), token).get(t.secmasterWorkflows()).then().extract().statusCode())
                        .isEqualTo(401));
        assertThat(ProcessTenants.secmaster(a.url(), token).get(t.secmasterWorkflows()).then().extract().statusCode())
                .isEqualTo(401);
        REQUESTS.addAndGet(9);
        System.out.printf("[reliability] several instances, clock: a tenant's clock set on one instance stamped the"
                + " other's writes, advanced on the other moved both, and expired a token on both%n");
    }

    private RequestSpecification admin(String url) {
        return given().baseUri(url).filter(SpecValidation.strict("admin.yaml")).header("Authorization", "Bearer " + keys.adminToken())
                .contentType(ContentType.JSON);
    }

    /**
     * A snapshot made through one instance is restored through the other, and the first instance, which had the
     * version in memory, reads its restored state: a restore is a change like any other.
     */
    @Test
    void aSnapshotMadeOnOneInstanceIsRestoredOnTheOther() {
        ProcessTenants t = ProcessTenants.create(a.url(), keys.adminToken());
        String token = t.secmasterToken(a.url());
        String workflow = ProcessTenants.secmaster(a.url(), token).body(ProcessTenants.secmasterWorkflowBody("snapshot"))
                .post(t.secmasterWorkflows()).then().statusCode(200).extract().path("data.id");
        String version = ProcessTenants.secmaster(a.url(), token).body(ProcessTenants.secmasterVersionBody())
                .post(t.secmasterWorkflows() + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id");
        String path = t.secmasterWorkflows() + "/versions/" + version;
        String id = adminAt(a).body(Map.of("dialect", "secmaster", "tenant", t.project)).post("/admin/v1/snapshots")
                .then().statusCode(201).extract().path("id");

        ProcessTenants.secmaster(a.url(), token).body(Map.of("name", "renamed after the snapshot")).put(path).then().statusCode(200);
        ProcessTenants.secmaster(a.url(), token).get(path).then().statusCode(200)
                .body("data.name", org.hamcrest.Matchers.equalTo("renamed after the snapshot"));
        adminAt(b).post("/admin/v1/snapshots/" + id + "/restore").then().statusCode(200).body("restored.versions",
                org.hamcrest.Matchers.equalTo(1));

        String name = ProcessTenants.secmaster(b.url(), token).get(path).then().statusCode(200).extract().path("data.name");
        assertThat(name).isNotEqualTo("renamed after the snapshot");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(ProcessTenants.secmaster(a.url(), token).get(path).then().statusCode(200)
                        .extract().<String>path("data.name")).isEqualTo(name));
        adminAt(a).delete("/admin/v1/snapshots/" + id).then().statusCode(204);
        adminAt(b).post("/admin/v1/snapshots/" + id + "/restore").then().statusCode(404);
        REQUESTS.addAndGet(10);
        System.out.printf("[reliability] several instances, snapshots: made on one instance, restored on the other, the"
                + " restored version read on both; deleted on one, gone on both%n");
    }

    private static io.restassured.specification.RequestSpecification adminAt(ServiceProcess instance) {
        return given().baseUri(instance.url()).filter(SpecValidation.strict("admin.yaml"))
                .header("Authorization", "Bearer " + keys.adminToken()).contentType(ContentType.JSON);
    }
}
