package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.support.ServiceProcess;
import io.workflowversions.support.ServiceProcess.SharedKeys;
import io.workflowversions.support.SpecValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service with the journal turned off: the dialects answer as ever, and reading the journal is a 409. */
class JournalOffIT {

    @TempDir
    static Path workDir;

    private static EmbeddedDatabase database;
    private static ServiceProcess service;
    private static SharedKeys keys;

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedDatabase.start(workDir.resolve("pg"), true);
        keys = SharedKeys.generate();
        Map<String, String> env = new HashMap<>(ServiceProcess.sharedInstanceEnv(database, keys));
        env.put("WORKFLOW_VERSIONS_JOURNAL_ENABLED", "false");
        service = ServiceProcess.start(Files.createDirectories(workDir.resolve("service")), env);
        service.awaitReady(Duration.ofSeconds(40));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
            service.keepLog("JournalOffIT");
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readingTheJournalIsAConflictAndTheDialectsStillAnswer() {
        String key = "fk-" + UUID.randomUUID();
        admin().body(Map.of("dialect", "frankieone", "type", "api_key", "secret", key, "tenant", "c1", "role", "writer"))
                .post("/admin/v1/credentials").then().statusCode(201);
        given().baseUri(service.url()).filter(SpecValidation.strict("frankieone.yaml"))
                .header("api_key", key).header("X-Frankie-CustomerID", "c1")
                .get("/v2/workflowDefinitions").then().statusCode(200);

        admin().get("/admin/v1/journal").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict")).body("detail", containsString("workflow-versions.journal.enabled=true"));
        admin().body(Map.of("tenant", "c1")).post("/admin/v1/journal/count").then().statusCode(409)
                .body("type", equalTo("/problems/conflict"));
        admin().delete("/admin/v1/journal").then().statusCode(204);
    }

    private static RequestSpecification admin() {
        return given().baseUri(service.url()).filter(SpecValidation.strict("admin.yaml"))
                .header("Authorization", "Bearer " + keys.adminToken()).contentType(ContentType.JSON);
    }
}
