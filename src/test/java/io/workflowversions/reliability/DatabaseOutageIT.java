package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.reliability.WriteLoad.Write;
import io.workflowversions.support.ServiceProcess;
import io.workflowversions.support.ServiceProcess.SharedKeys;
import io.workflowversions.support.SpecValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops abruptly under a steady write load on every dialect and comes back on the same port and data
 * directory: meanwhile every dialect answers 503 in its own envelope, quickly; afterwards the service recovers by
 * itself, and the database holds every write answered 2xx and nothing half-written.
 */
class DatabaseOutageIT extends ServiceUnderFault {

    @Test
    void everyDialectAnswers503DuringTheOutageRecoversAfterItAndLosesNothing() throws Exception {
        Path data = workDir.resolve("pg");
        // Not "clean": a clean server deletes its files when stopped, and this one must come back with them.
        database = EmbeddedDatabase.start(data, false);
        int port = database.port();
        Db db = new Db(database.jdbcUrl());
        SharedKeys keys = SharedKeys.generate();
        service = ServiceProcess.start(Files.createDirectories(workDir.resolve("service")),
                ServiceProcess.sharedInstanceEnv(database, keys));
        service.awaitReady(Duration.ofSeconds(40));
        String url = service.url();
        ProcessTenants t = ProcessTenants.create(url, keys.adminToken());
        WriteLoad load = WriteLoad.on(url, t);

        long stopFrom;
        long stopTo;
        long restarted;
        long recovered;
        try (WriteLoad running = load.start()) {
            long began = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> load.everyDialectSucceeded(10, began));

            stopFrom = System.nanoTime();
            database.close();
            database = null;
            stopTo = System.nanoTime();

            // One call per dialect, each in its own envelope, each quick.
            within2s(() -> given().baseUri(url).filter(SpecValidation.responsesOnly(ProcessTenants.FRANKIEONE))
                    .header("api_key", t.frankieKey).header("X-Frankie-CustomerID", t.customer)
                    .contentType(ContentType.JSON).body(ProcessTenants.definition("Probe"))
                    .put("/v2/workflowDefinitions/outage-probe").then().statusCode(503)
                    .contentType(ContentType.JSON).body("errorCode", equalTo("SYS-0503"))
                    .body("httpStatusCode", equalTo(503)));
            within2s(() -> ProcessTenants.secmaster(url, load.secmasterToken()).body(ProcessTenants.secmasterVersionBody())
                    .post(t.secmasterWorkflows() + "/" + load.secmasterWorkflow() + "/versions").then().statusCode(503)
                    .contentType(ContentType.JSON).body("code", equalTo("SecMaster.20040503"))
                    .body("success", equalTo(false)));
            within2s(() -> t.patchworks(url).body(Map.of("name", "Outage probe")).post("/api/v1/flows").then()
                    .statusCode(503).contentType(ContentType.JSON).body("message", equalTo("Service Unavailable")));
            within2s(() -> ProcessTenants.fortanix(url, load.fortanixToken()).body(ProcessTenants.graphContents("probe"))
                    .post("/v1/workflows/final/graphs/" + load.graph()).then().statusCode(503)
                    .contentType(ContentType.TEXT));
            // The load keeps running against the stopped database for a while.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> WriteLoad.DIALECTS.stream().allMatch(d ->
                    load.of(d, w -> w.started() > stopTo).size() >= 3));

            long restartFrom = System.nanoTime();
            database = EmbeddedDatabase.start(data, false, port);
            restarted = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> load.everyDialectSucceeded(1, restarted));
            recovered = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> load.everyDialectSucceeded(5, restarted));

            // Every write sent while the database was down was refused with 503, within 2 seconds.
            List<Write> whileDown = load.writes().stream()
                    .filter(w -> w.started() > stopTo && w.ended() < restartFrom).toList();
            assertThat(whileDown).isNotEmpty().allSatisfy(w -> {
                assertThat(w.status()).as(w.toString()).isEqualTo(503);
                assertThat(Duration.ofNanos(w.ended() - w.started())).isLessThan(Duration.ofSeconds(2));
            });
        }
        // Apart from the outage, nothing is refused: no 500, no hung or dropped requests.
        assertThat(load.writes()).filteredOn(w -> !w.succeeded() && w.status() != 503)
                .as(() -> "writes answered neither 2xx nor 503 (status -1: no answer); the service's errors:\n"
                        + service.errorLines(20))
                .isEmpty();
        service.awaitReady(Duration.ofSeconds(5));

        Ledger.Figures figures = Ledger.check(load, db, t, stopFrom, stopTo);
        assertThat(db.count("select count(*) from workflow where dialect = 'frankieone' and tenant = ?"
                + " and external_key = 'outage-probe'", t.customer)).isZero();
        long refused = load.writes().stream().filter(w -> w.status() == 503).count();
        System.out.printf("[reliability] database outage: 1 fault (PostgreSQL stopped for %d ms), %s, 503 answers %d,"
                + " recovered %d ms after the database was back%n",
                (restarted - stopFrom) / 1_000_000, figures, refused, (recovered - restarted) / 1_000_000);
    }

    private static void within2s(Supplier<ValidatableResponse> call) {
        long started = System.nanoTime();
        ValidatableResponse response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        response.body(not(containsString("Exception"))).body(not(containsString("\tat ")));
    }
}
