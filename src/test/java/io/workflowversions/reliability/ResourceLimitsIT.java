package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Concurrently.Outcome;
import io.workflowversions.support.ServiceProcess;
import io.workflowversions.support.ServiceProcess.SharedKeys;
import io.workflowversions.support.SpecValidation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service's limits: oversize bodies are refused before they are read, list pages are capped, and slow
 * clients cannot hold database connections.
 */
class ResourceLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HUNDRED_MIB = 100L * 1024 * 1024;

    @TempDir
    static Path workDir;

    private static EmbeddedDatabase database;
    private static ServiceProcess service;
    private static SharedKeys keys;
    private static ProcessTenants t;
    private static WriteLoad setup;
    private static Db db;

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedDatabase.start(workDir.resolve("pg"), true);
        db = new Db(database.jdbcUrl());
        keys = SharedKeys.generate();
        service = ServiceProcess.start(Files.createDirectories(workDir.resolve("service")),
                ServiceProcess.sharedInstanceEnv(database, keys));
        service.awaitReady(Duration.ofSeconds(40));
        t = ProcessTenants.create(service.url(), keys.adminToken());
        setup = WriteLoad.on(service.url(), t);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
            service.keepLog("ResourceLimitsIT");
        }
        if (database != null) {
            database.close();
        }
    }

    /** A raw answer: status, headers block and body. */
    record Raw(int status, String head, String body, Duration took) {
    }

    @Test
    void aBodyAnnouncedAt100MiBIsRefusedWith413InEveryEnvelopeBeforeItIsSent() throws Exception {
        List<Raw> answers = toEveryDialect(ResourceLimitsIT::oversize);

        assertEnvelopes(answers);
        assertThat(db.count("select count(*) from workflow where dialect = 'frankieone' and external_key = 'too-big'")).isZero();
        System.out.printf("[reliability] resource limits: 4 bodies announced at 100 MiB (a few bytes sent), 4 answered"
                + " 413 in their dialect's envelope, slowest in %d ms%n",
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElseThrow());
    }

    /** Without a Content-Length the size is known only while reading: the body is counted and cut off at the limit. */
    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413InEveryEnvelope() throws Exception {
        List<Raw> answers = toEveryDialect(ResourceLimitsIT::chunked);

        assertThat(answers).allSatisfy(raw -> {
            assertThat(raw.status()).as(raw.head()).isEqualTo(413);
            // The connection is closed after the answer, so the rest of the body is never read.
            assertThat(raw.head().toLowerCase()).contains("connection: close");
        });
        assertEnvelopes(answers);
        assertThat(db.count("select count(*) from workflow where dialect = 'frankieone' and external_key = 'too-big'"))
                .isZero();
        System.out.printf("[reliability] resource limits: 4 chunked bodies of up to 16 MiB (no Content-Length) cut off"
                + " with 413 in their dialect's envelope and the connection closed, slowest in %d ms%n",
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElseThrow());
    }

    /** A chunked body under the limit is read in full and served like any other. */
    @Test
    void aChunkedBodyUnderTheLimitIsServed() throws Exception {
        Raw frankie = chunkedBody("PUT /v2/workflowDefinitions/chunked-fine", "api_key: " + t.frankieKey
                + "\r\nX-Frankie-CustomerID: " + t.customer, ProcessTenants.definition("Chunked"));
        Raw secmaster = chunkedBody("POST " + t.secmasterWorkflows() + "/" + setup.secmasterWorkflow() + "/versions",
                "X-Auth-Token: " + setup.secmasterToken(), ProcessTenants.secmasterVersionBody());

        assertThat(frankie.status()).as(frankie.head() + frankie.body()).isBetween(200, 201);
        assertThat(JSON.readTree(frankie.body()).path("workflowDefinition").path("name").asText()).isEqualTo("Chunked");
        assertThat(secmaster.status()).as(secmaster.head() + secmaster.body()).isEqualTo(200);
        assertThat(JSON.readTree(secmaster.body()).path("success").asBoolean()).isTrue();
        assertThat(db.count("select count(*) from workflow where dialect = 'frankieone' and external_key = 'chunked-fine'"))
                .isEqualTo(1);
    }

    /** Sends a body in chunks of 7 bytes, without a Content-Length. */
    private static Raw chunkedBody(String requestLine, String auth, String json) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(5000);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            for (int from = 0; from < bytes.length; from += 7) {
                int length = Math.min(7, bytes.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(bytes, from, length);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            return raw(readAnswer(socket.getInputStream()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Sends one raw request: its request line and authentication headers. */
    @FunctionalInterface
    interface RawSender {
        Raw send(String requestLine, String auth) throws IOException;
    }

    /** A write to FrankieOne, SecMaster, Patchworks and Fortanix, answered in this order. */
    private static List<Raw> toEveryDialect(RawSender sender) throws IOException {
        return List.of(
                sender.send("PUT /v2/workflowDefinitions/too-big", "api_key: " + t.frankieKey
                        + "\r\nX-Frankie-CustomerID: " + t.customer),
                sender.send("POST " + t.secmasterWorkflows() + "/" + setup.secmasterWorkflow() + "/versions",
                        "X-Auth-Token: " + setup.secmasterToken()),
                sender.send("POST /api/v1/flows", "Authorization: " + t.patchworksKey),
                sender.send("POST /v1/workflows/final/graphs/" + setup.graph(), "Authorization: Bearer " + setup.fortanixToken()));
    }

    /** The answers of FrankieOne, SecMaster, Patchworks and Fortanix, in this order, are each in their own envelope. */
    private static void assertEnvelopes(List<Raw> answers) throws IOException {
        assertThat(answers).allSatisfy(raw -> {
            assertThat(raw.status()).isEqualTo(413);
            assertThat(raw.took()).isLessThan(Duration.ofSeconds(2));
            assertThat(raw.body()).doesNotContain("Exception");
        });
        JsonNode frankie = JSON.readTree(answers.get(0).body());
        assertThat(frankie.path("errorCode").asText()).isEqualTo("VAL-0413");
        assertThat(frankie.path("httpStatusCode").asInt()).isEqualTo(413);
        JsonNode secmaster = JSON.readTree(answers.get(1).body());
        assertThat(secmaster.path("success").asBoolean(true)).isFalse();
        assertThat(secmaster.path("code").asText()).startsWith("SecMaster.");
        assertThat(JSON.readTree(answers.get(2).body()).path("message").asText()).isEqualTo("The request body is too large.");
        assertThat(answers.get(3).head().toLowerCase()).contains("content-type: text/plain");
        assertThat(answers.get(3).body()).isNotBlank();
    }

    /** Streams a chunked body of up to 16 MiB and reads the answer. */
    private static Raw chunked(String requestLine, String auth) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(5000);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8);
            long sent = 0;
            try {
                while (sent < 16L * 1024 * 1024) {
                    out.write(header);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    sent += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closedBeforeTheEnd) {
                // Expected: the server gave up on the body.
            }
            return raw(readAnswer(socket.getInputStream()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Clients that hang up (TCP reset) while their writes wait inside their transactions: the writes still run to
     * their end, so no transaction stays open, no connection is lost to the pool and nothing is cut off half-way.
     */
    @Test
    void clientsThatHangUpMidTransactionLeaveNothingOpen() throws Exception {
        String workflow = setup.secmasterWorkflow();
        byte[] body = ProcessTenants.secmasterVersionBody().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + t.secmasterWorkflows() + "/" + workflow + "/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Auth-Token: " + setup.secmasterToken() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String versions = "select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?";
        String waiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'";
        long before = db.count(versions, workflow);
        int hangUps = 20;
        List<Socket> clients = new ArrayList<>();
        try (Connection holder = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from workflow where external_key = ? for update")) {
                lock.setString(1, workflow);
                lock.executeQuery().close();
            }
            for (int i = 0; i < hangUps; i++) {
                Socket client = new Socket("127.0.0.1", service.port());
                client.setSoLinger(true, 0);
                client.getOutputStream().write(head);
                client.getOutputStream().write(body);
                clients.add(client);
            }
            // Every write is inside its transaction, waiting for the workflow's row lock ...
            await().atMost(Duration.ofSeconds(10)).until(() -> db.count(waiting) == hangUps);
            for (Socket client : clients) {
                client.close();
            }
            // ... and stays there after its client is gone.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> db.count(waiting) == hangUps);
            holder.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(versions, workflow) == before + hangUps);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("select count(*) from pg_stat_activity where state like 'idle in transaction%'") == 0);
        // Every connection went back to the pool: as many concurrent writes are served as before.
        List<Outcome<Integer>> after = Concurrently.run(40, i -> () -> ProcessTenants.secmaster(service.url(),
                setup.secmasterToken()).body(ProcessTenants.secmasterVersionBody())
                .post(t.secmasterWorkflows() + "/" + workflow + "/versions").statusCode());
        assertThat(after).allSatisfy(o -> assertThat(o.value()).isEqualTo(200));
        assertThat(db.count(versions, workflow)).isEqualTo(before + hangUps + 40);
        System.out.printf("[reliability] resource limits: %d clients hung up while their writes waited for a row lock;"
                + " all %d writes ran to their end, 0 transactions left open, 40 writes served after them%n", hangUps, hangUps);
    }

    @Test
    void everyListCapsItsPageSize() {
        String url = service.url();
        given().baseUri(url).filter(SpecValidation.responsesOnly(ProcessTenants.FRANKIEONE)).header("api_key", t.frankieKey)
                .header("X-Frankie-CustomerID", t.customer).get("/v2/workflowDefinitions?limit=101")
                .then().statusCode(400).body("errorCode", equalTo("VAL-1002"));
        given().baseUri(url).filter(SpecValidation.strict(ProcessTenants.FRANKIEONE)).header("api_key", t.frankieKey)
                .header("X-Frankie-CustomerID", t.customer).get("/v2/workflowDefinitions?limit=100")
                .then().statusCode(200).body("meta.limit", equalTo(100));

        given().baseUri(url).filter(SpecValidation.responsesOnly(ProcessTenants.SECMASTER)).header("X-Auth-Token", setup.secmasterToken())
                .get(t.secmasterWorkflows() + "?limit=101").then().statusCode(400).body("success", equalTo(false));
        ProcessTenants.secmaster(url, setup.secmasterToken()).get(t.secmasterWorkflows() + "?limit=100")
                .then().statusCode(200).body("limit", equalTo(100));

        given().baseUri(url).filter(SpecValidation.responsesOnly(ProcessTenants.PATCHWORKS)).header("Authorization", t.patchworksKey)
                .get("/api/v1/flows?per_page=101").then().statusCode(422).body("errors.keySet()", hasItem("per_page"));
        t.patchworks(url).get("/api/v1/flows?per_page=100").then().statusCode(200);

        given().baseUri(url).filter(SpecValidation.responsesOnly(ProcessTenants.FORTANIX)).header("Authorization", "Bearer " + setup.fortanixToken())
                .get("/v1/workflows/final/graphs?limit=1001").then().statusCode(400).contentType("text/plain");
        ProcessTenants.fortanix(url, setup.fortanixToken()).get("/v1/workflows/final/graphs?limit=1000").then().statusCode(200);
        System.out.printf("[reliability] resource limits: 4 lists asked for one item over their cap, 4 refused with the"
                + " documented 4xx; 4 asked for the cap, 4 answered 200%n");
    }

    @Test
    void slowClientsHoldNoDatabaseConnectionAndOthersAreStillServed() throws Exception {
        int stalled = 80;
        String body = ProcessTenants.definition("Stalled");
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket socket = new Socket("127.0.0.1", service.port());
                String head = "PUT /v2/workflowDefinitions/stalled-" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "api_key: " + t.frankieKey + "\r\nX-Frankie-CustomerID: " + t.customer + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                        + body.substring(0, body.length() / 2);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                sockets.add(socket);
            }
            // More stalled requests than the service has database connections (32); others still get through.
            long started = System.nanoTime();
            List<Outcome<Integer>> served = Concurrently.run(20, i -> () -> switch (i % 4) {
                case 0 -> t.frankieone(service.url()).body(ProcessTenants.definition("Served " + i))
                        .put("/v2/workflowDefinitions/served-" + i).statusCode();
                case 1 -> ProcessTenants.secmaster(service.url(), setup.secmasterToken()).body(ProcessTenants.secmasterVersionBody())
                        .post(t.secmasterWorkflows() + "/" + setup.secmasterWorkflow() + "/versions").statusCode();
                case 2 -> t.patchworks(service.url()).body(java.util.Map.of("name", "Served " + i)).post("/api/v1/flows")
                        .statusCode();
                default -> ProcessTenants.fortanix(service.url(), setup.fortanixToken()).body(ProcessTenants.graphContents("s" + i))
                        .post("/v1/workflows/final/graphs/" + setup.graph()).statusCode();
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(served).allSatisfy(o -> assertThat(o.value()).isBetween(200, 201));
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            // No connection of the service waits inside a transaction for a client.
            assertThat(db.count("select count(*) from pg_stat_activity where state like 'idle in transaction%'")).isZero();
            assertThat(sockets).allSatisfy(s -> assertThat(s.isClosed()).isFalse());
            System.out.printf("[reliability] resource limits: %d clients stalled halfway through their bodies, 20 other"
                    + " writes served meanwhile in %d ms, 0 database connections idle in a transaction%n",
                    stalled, took.toMillis());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(db.count("select count(*) from workflow where dialect = 'frankieone' and external_key like 'stalled-%'"))
                .isZero();
    }

    private static Raw oversize(String requestLine, String auth) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(5000);
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + HUNDRED_MIB + "\r\n\r\n{\"name\":").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return raw(readAnswer(socket.getInputStream()), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Raw raw(String answer, Duration took) {
        int split = answer.indexOf("\r\n\r\n");
        String head = split < 0 ? answer : answer.substring(0, split);
        String body = split < 0 ? "" : answer.substring(split + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Raw(Integer.parseInt(head.substring(9, 12)), head, body, took);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (length == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + length);
            at = lineEnd + 2 + length + 2;
        }
    }

    /** Reads one answer: up to the end of its body (Content-Length) or until the server closes. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, read);
                String text = bytes.toString(StandardCharsets.UTF_8);
                int split = text.indexOf("\r\n\r\n");
                if (split >= 0) {
                    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                            .matcher(text.substring(0, split));
                    if (length.find() && text.length() - split - 4 >= Integer.parseInt(length.group(1))) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 5 s; read so far: " + bytes, e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
