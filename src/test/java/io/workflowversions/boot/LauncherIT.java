package io.workflowversions.boot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.workflowversions.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as a user starts it: {@code java -jar} in a directory of its own, on the embedded database
 * by default, or on a database given by URL. Each test runs real processes.
 */
class LauncherIT {

    @TempDir
    Path workDir;

    private ServiceProcess service;
    private EmbeddedDatabase external;

    @AfterEach
    void stopEverything(org.junit.jupiter.api.TestInfo test) throws IOException {
        if (service != null) {
            service.stop();
            service.keepLog(test.getTestMethod().orElseThrow().getName());
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void withNothingConfiguredItStartsOnAnEmbeddedDatabaseAndKeepsDataAcrossRestarts() {
        service = ServiceProcess.start(workDir, Map.of());
        service.awaitReady(Duration.ofSeconds(20));
        String token = service.printedAdminToken();

        assertThat(workDir.resolve("data/postgres/PG_VERSION")).exists();
        given().baseUri(service.url()).header("Authorization", "Bearer " + token).get("/admin/v1/credentials")
                .then().statusCode(200).body("items", hasSize(6))
                .body("items.username", hasItem("demo@fortanix.test"))
                .body("items.access_key", hasItem("DEMOACCESSKEY0001"));
        String created = given().baseUri(service.url()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("dialect", "frankieone", "type", "api_key", "secret", "kept-" + UUID.randomUUID(),
                        "tenant", "customer-1", "role", "writer"))
                .post("/admin/v1/credentials").then().statusCode(201).extract().path("id");
        String snapshot = given().baseUri(service.url()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body("{\"credentials\": true}")
                .post("/admin/v1/snapshots").then().statusCode(201).extract().path("id");

        assertThat(service.stop()).as("a graceful stop on SIGTERM").isIn(0, 130, 143);
        service = ServiceProcess.start(workDir, Map.of());
        service.awaitReady(Duration.ofSeconds(20));
        String newToken = service.printedAdminToken();

        given().baseUri(service.url()).header("Authorization", "Bearer " + newToken).get("/admin/v1/credentials")
                .then().statusCode(200).body("items", hasSize(7)).body("items.id", hasItem(created));
        // A snapshot survives the restart, and restores the credentials it copied.
        given().baseUri(service.url()).header("Authorization", "Bearer " + newToken)
                .post("/admin/v1/snapshots/" + snapshot + "/restore").then().statusCode(200)
                .body("restored.credentials", org.hamcrest.Matchers.equalTo(7));
        assertThat(service.output()).doesNotContain("Created the demo credentials");
    }

    @Test
    void demoCredentialsExistOnlyWhileTheServiceListensOnLoopbackAlone() {
        Map<String, String> everyInterface = Map.of("QUARKUS_HTTP_HOST", "0.0.0.0");
        service = ServiceProcess.start(workDir, everyInterface);
        service.awaitReady(Duration.ofSeconds(20));
        assertThat(credentials(service.printedAdminToken())).isEmpty();
        assertThat(service.output()).contains("Listening on 0.0.0.0, not on loopback alone: no demo credentials");
        service.stop();

        service = ServiceProcess.start(workDir, Map.of());
        service.awaitReady(Duration.ofSeconds(20));
        assertThat(credentials(service.printedAdminToken())).hasSize(6);
        assertThat(service.output()).contains("Listening on loopback (127.0.0.1) alone: the demo credentials are available");
        service.stop();

        service = ServiceProcess.start(workDir, everyInterface);
        service.awaitReady(Duration.ofSeconds(20));
        assertThat(credentials(service.printedAdminToken())).isEmpty();
        assertThat(service.output()).contains("removed the 6 an earlier start on loopback created");
        service.stop();

        service = ServiceProcess.start(workDir, Map.of("QUARKUS_HTTP_HOST", "0.0.0.0",
                "WORKFLOW_VERSIONS_DEMO_CREDENTIALS", "true"));
        service.awaitReady(Duration.ofSeconds(20));
        assertThat(credentials(service.printedAdminToken())).hasSize(6);
        assertThat(service.output()).contains("WARN").contains("can be used from the network");
        given().baseUri(service.url()).auth().preemptive().basic("demo@fortanix.test", "demo-password")
                .post("/v1/sys/auth").then().statusCode(200);
    }

    private java.util.List<String> credentials(String adminToken) {
        return given().baseUri(service.url()).header("Authorization", "Bearer " + adminToken).get("/admin/v1/credentials")
                .then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aConfiguredDatabaseUrlWinsAndNothingEmbeddedStarts() throws Exception {
        external = EmbeddedDatabase.start(workDir.resolve("external-pg"), true);
        Path serviceDir = Files.createDirectories(workDir.resolve("service"));
        service = ServiceProcess.start(serviceDir, externalDatabaseEnv(external));
        service.awaitReady(Duration.ofSeconds(20));

        assertThat(serviceDir.resolve("data/postgres")).doesNotExist();
        assertThat(service.output()).doesNotContain("starting the embedded PostgreSQL");
        given().baseUri(service.url()).header("Authorization", "Bearer it-admin").get("/admin/v1/credentials")
                .then().statusCode(200).body("items", hasSize(0));
        given().baseUri(service.url()).header("Authorization", "Bearer it-admin").contentType(ContentType.JSON)
                .body(Map.of("dialect", "patchworks", "type", "api_key", "secret", "in-external-db", "tenant", "9",
                        "role", "reader"))
                .post("/admin/v1/credentials").then().statusCode(201);
        try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), "postgres", "postgres");
                ResultSet rows = connection.createStatement().executeQuery("select tenant from credential")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("9");
        }
    }

    @Test
    void aDatabaseOutageIsAnswered503QuicklyAndTheServiceRecoversByItself() {
        Path databaseDir = workDir.resolve("external-pg");
        // Not "clean": a clean server also deletes its files when stopped, and this one must come back with them.
        external = EmbeddedDatabase.start(databaseDir, false);
        int port = external.port();
        service = ServiceProcess.start(workDir, externalDatabaseEnv(external));
        service.awaitReady(Duration.ofSeconds(20));
        given().baseUri(service.url()).header("Authorization", "Bearer it-admin").get("/admin/v1/credentials")
                .then().statusCode(200);

        external.close();
        external = null;

        long started = System.nanoTime();
        given().baseUri(service.url()).header("Authorization", "Bearer it-admin").get("/admin/v1/credentials")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unavailable"))
                .body("status", equalTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        given().baseUri(service.url()).get("/q/health/ready").then().statusCode(503);

        external = EmbeddedDatabase.start(databaseDir, false, port);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            given().baseUri(service.url()).header("Authorization", "Bearer it-admin").get("/admin/v1/credentials")
                    .then().statusCode(200);
            given().baseUri(service.url()).get("/q/health/ready").then().statusCode(200);
        });
    }

    private static Map<String, String> externalDatabaseEnv(EmbeddedDatabase database) {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "WORKFLOW_VERSIONS_ADMIN_TOKEN", "it-admin");
    }
}
