package io.workflowversions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and newcomers rely on: health, metrics, and the specs served as they are written. */
@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessIncludingTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theHandWrittenSpecsAreServedVerbatimAndOfferedBySwaggerUi() throws Exception {
        try (var specs = java.nio.file.Files.list(java.nio.file.Path.of("openapi"))) {
            for (java.nio.file.Path spec : specs.toList()) {
                String name = spec.getFileName().toString();
                given().get("/openapi/" + name).then().statusCode(200).body(equalTo(java.nio.file.Files.readString(spec)));
                given().get("/q/swagger-ui/index.html").then().statusCode(200).body(containsString("/openapi/" + name));
            }
        }
    }
}
