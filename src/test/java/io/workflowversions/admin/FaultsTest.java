package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static io.workflowversions.admin.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault rules over real HTTP and PostgreSQL: each dialect's faulted answer in its own envelope, a reset and a dropped
 * connection seen on the socket, latency, counts taken once across parallel requests, tenants kept apart, and bad
 * rules refused. Admin exchanges are checked against openapi/admin.yaml; a faulted answer whose status the dialect's
 * spec declares is checked against that spec.
 */
@QuarkusTest
class FaultsTest {

    private static final String FAULTS = "/admin/v1/faults";
    private static final String DEFINITION = "{\"name\": \"KYC\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}";

    @AfterEach
    void noRulesLeft() {
        admin().delete(FAULTS).then().statusCode(200);
    }

    @Test
    void aFrankieOneSaveFaultedOnceAnswersTheVendors503AndWritesNothing() {
        JsonPath acme = tenant("frankieone");
        JsonPath other = tenant("frankieone");
        JsonPath rule = rule(Map.of("dialect", "frankieone", "operation", "createOrUpdateWorkflowDefinition",
                "tenant", acme.getString("tenant"), "fault", Map.of("type", "error", "status", 503), "times", 1));
        assertThat(rule.getString("id")).matches("[0-9a-f-]{36}");
        assertThat(rule.getInt("remaining")).isEqualTo(1);

        frankieOne(acme).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(503)
                .header("Retry-After", "1")
                .body("errorCode", equalTo("SYS-0503"))
                .body("errorMsg", equalTo("Service temporarily unavailable"))
                .body("httpStatusCode", equalTo(503))
                .body("requestId", matchesPattern("[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(Sql.count("select count(*) from workflow where dialect = 'frankieone' and tenant = ?",
                acme.getString("tenant"))).isZero();
        // Another tenant's save, while the rule was in force, and the same save again once it is used up.
        frankieOne(other).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);
        frankieOne(acme).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);
        assertThat(Sql.count("select count(*) from workflow where dialect = 'frankieone' and tenant = ?",
                acme.getString("tenant"))).isEqualTo(1);

        admin().get(FAULTS).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].remaining", equalTo(0)).body("items[0].times", equalTo(1))
                .body("items[0].fault.status", equalTo(503));
        admin().queryParam("tenant", acme.getString("tenant")).queryParam("operation", "createOrUpdateWorkflowDefinition")
                .queryParam("status", 503).get("/admin/v1/journal").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aSecMasterFaultAnswersTheGatewaysThrottleWithItsCodeMessageAndHeaders() {
        JsonPath project = tenant("secmaster");
        Map<String, String> user = credential(project, "password");
        String token = Logins.secmaster(null, user.get("username"), user.get("secret"), project.getString("tenant"));
        rule(Map.of("dialect", "secmaster", "method", "GET", "path_pattern", "/v1/[^/]+/workspaces/[^/]+/soc/workflows",
                "fault", Map.of("type", "error", "status", 429, "code", "APIG.0308", "message", "slow down",
                        "retry_after", 7)));

        given().header("X-Auth-Token", token).header("X-Request-Id", "req-fault-0001")
                .get("/v1/" + project.getString("tenant") + "/workspaces/ws-1/soc/workflows").then().statusCode(429)
                .header("Retry-After", "7").header("X-Request-Id", "req-fault-0001")
                .body("error_code", equalTo("APIG.0308"))
                .body("error_msg", equalTo("The throttling threshold has been reached: slow down"))
                .body("request_id", equalTo("req-fault-0001"));
        // Another method on the same path is not matched.
        given().filter(SpecValidation.strict("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .contentType("application/json;charset=UTF-8")
                .body(Map.of("name", "w", "engine_type", "public_engine", "aop_type", "NORMAL", "dataclass_id", "dc"))
                .post("/v1/" + project.getString("tenant") + "/workspaces/ws-1/soc/workflows").then().statusCode(200);
    }

    @Test
    void aRequestThatFailsAuthenticationGetsItsUsualAnswer() {
        rule(Map.of("dialect", "frankieone", "fault", Map.of("type", "error", "status", 503)));

        given().filter(SpecValidation.strict("frankieone.yaml")).header("api_key", "not-a-key")
                .header("X-Frankie-CustomerID", "nobody").get("/v2/workflowDefinitions").then().statusCode(401)
                .body("errorCode", equalTo("AUTH-0002"));
    }

    @Test
    void aSecMaster503IsTheBusinessEnvelopeTheSpecDeclares() {
        JsonPath project = tenant("secmaster");
        Map<String, String> user = credential(project, "password");
        String token = Logins.secmaster(null, user.get("username"), user.get("secret"), project.getString("tenant"));
        rule(Map.of("dialect", "secmaster", "operation", "listWorkflows", "fault", Map.of("type", "error", "status", 503)));

        given().filter(SpecValidation.strict("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .get("/v1/" + project.getString("tenant") + "/workspaces/ws-1/soc/workflows").then().statusCode(503)
                .body("code", equalTo("SecMaster.20040503")).body("success", equalTo(false))
                .body("request_id", notNullValue());
    }

    @Test
    void fortanixAndPatchworksAnswerTheirOwnShapes() {
        JsonPath account = tenant("fortanix");
        Map<String, String> user = credential(account, "password");
        String token = Logins.fortanix(null, user.get("username"), user.get("secret"));
        rule(Map.of("dialect", "fortanix", "operation", "getAllWorkflowGraphs",
                "fault", Map.of("type", "error", "status", 503, "message", "Database is away")));
        given().filter(SpecValidation.strict("fortanix-ccm.yaml")).header("Authorization", "Bearer " + token)
                .get("/v1/workflows/draft/graphs").then().statusCode(503).contentType(startsWith("text/plain"))
                .body(equalTo("Database is away"));

        JsonPath company = tenant("patchworks");
        String key = credential(company, "api_key").get("secret");
        rule(Map.of("dialect", "patchworks", "tenant", company.getString("tenant"), "operation", "listFlows",
                "fault", Map.of("type", "error", "status", 429)));
        given().header("Authorization", key).get("/api/v1/flows").then().statusCode(429)
                .header("Retry-After", "60").body("message", equalTo("Too Many Attempts."));
    }

    @Test
    void aResetConnectionGetsNoAnswerAndWritesNothing() throws IOException {
        JsonPath company = tenant("patchworks");
        String key = credential(company, "api_key").get("secret");
        rule(Map.of("dialect", "patchworks", "operation", "createFlow", "tenant", company.getString("tenant"),
                "fault", Map.of("type", "reset")));

        String body = "{\"name\": \"orders\"}";
        try (Socket socket = socket()) {
            send(socket, "POST /api/v1/flows HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertThatThrownBy(() -> readAll(socket.getInputStream())).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        assertThat(Sql.count("select count(*) from workflow where dialect = 'patchworks' and tenant = ?",
                company.getString("tenant"))).isZero();
        assertThat(journalStatuses(company.getString("tenant"), "createFlow")).containsExactly(0);
    }

    @Test
    void aDroppedConnectionClosesWithoutAnAnswerAfterItsDelay() throws IOException {
        JsonPath customer = tenant("frankieone");
        rule(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"),
                "fault", Map.of("type", "drop", "ms", 300)));

        try (Socket socket = socket()) {
            long started = System.nanoTime();
            send(socket, "GET /v2/workflowDefinitions HTTP/1.1\r\nHost: localhost\r\napi_key: "
                    + customer.getString("credentials[0].secret") + "\r\nX-Frankie-CustomerID: " + customer.getString("tenant")
                    + "\r\n\r\n");
            assertThat(readAll(socket.getInputStream())).isEmpty();
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void aLatencyDelaysTheRequestWhichThenRunsAndWrites() {
        JsonPath customer = tenant("frankieone");
        rule(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "operation",
                "createOrUpdateWorkflowDefinition", "fault", Map.of("type", "latency", "min_ms", 400, "max_ms", 500)));

        long started = System.nanoTime();
        frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/slow").then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        assertThat(Sql.count("select count(*) from workflow where dialect = 'frankieone' and tenant = ?",
                customer.getString("tenant"))).isEqualTo(1);
        // Reads are another operation: not delayed.
        started = System.nanoTime();
        frankieOne(customer).get("/v2/workflowDefinitions/slow").then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400);
    }

    @Test
    void aRulesTimesAreTakenOnceAcrossParallelRequests() {
        JsonPath customer = tenant("frankieone");
        rule(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"),
                "fault", Map.of("type", "error", "status", 500), "times", 5));

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(20, i -> () -> frankieOne(customer)
                .get("/v2/workflowDefinitions").then().extract().statusCode());

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.stream().filter(o -> o.value() == 500)).hasSize(5);
        assertThat(outcomes.stream().filter(o -> o.value() == 200)).hasSize(15);
    }

    @Test
    void probabilityZeroNeverFiresAndAnExpiredRuleStops() throws InterruptedException {
        JsonPath customer = tenant("frankieone");
        rule(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "probability", 0,
                "fault", Map.of("type", "error", "status", 500)));
        for (int i = 0; i < 10; i++) {
            frankieOne(customer).get("/v2/workflowDefinitions").then().statusCode(200);
        }
        admin().delete(FAULTS).then().statusCode(200).body("deleted", equalTo(1));

        Instant expires = Instant.now().plusMillis(1500);
        rule(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "expires_at", expires.toString(),
                "fault", Map.of("type", "error", "status", 500)));
        frankieOne(customer).get("/v2/workflowDefinitions").then().statusCode(500).body("errorCode", equalTo("SYS-0000"));
        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 50);
        frankieOne(customer).get("/v2/workflowDefinitions").then().statusCode(200);
    }

    @Test
    void rulesAreListedDeletedOneByOneAndClearedByTenant() {
        String one = rule(Map.of("dialect", "frankieone", "tenant", "t-one", "fault", Map.of("type", "reset"))).getString("id");
        rule(Map.of("dialect", "frankieone", "tenant", "t-two", "fault", Map.of("type", "drop")));
        rule(Map.of("dialect", "patchworks", "tenant", "t-two", "fault", Map.of("type", "latency", "ms", 10)));

        admin().queryParam("dialect", "frankieone").get(FAULTS).then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].id", equalTo(one)).body("items[0].remaining", equalTo(null));
        admin().delete(FAULTS + "/" + one).then().statusCode(204);
        problem(admin().delete(FAULTS + "/" + one), 404);
        admin().queryParam("tenant", "t-two").delete(FAULTS).then().statusCode(200).body("deleted", equalTo(2));
        admin().get(FAULTS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badRulesAreProblemsAndStoreNothing() {
        long before = Sql.count("select count(*) from fault_rule");
        Map<String, Object> error = Map.of("type", "error", "status", 503);

        problem(raw(with("operation", "publishEverything", error)), 400).body("errors[0].field", equalTo("operation"));
        problem(raw(with("path_pattern", "/v2/(", error)), 400).body("errors[0].field", equalTo("path_pattern"));
        problem(raw(with("probability", 1.5, error)), 400).body("errors[0].field", equalTo("probability"));
        problem(raw(with("probability", -0.1, error)), 400).body("errors[0].field", equalTo("probability"));
        problem(raw(with("times", 0, error)), 400).body("errors[0].field", equalTo("times"));
        problem(raw(with("expires_at", "2020-01-01T00:00:00Z", error)), 400).body("errors[0].field", equalTo("expires_at"));
        problem(raw(with("expires_at", "tomorrow", error)), 400);
        problem(raw(with("tenant", "acme", Map.of("type", "teapot"))), 400);
        problem(raw(with("tenant", "acme", Map.of("type", "error"))), 400).body("errors[0].field", equalTo("fault.status"));
        problem(raw(with("tenant", "acme", Map.of("type", "error", "status", 418))), 400)
                .body("errors[0].field", equalTo("fault.status"));
        problem(raw(with("tenant", "acme", Map.of("type", "latency"))), 400).body("errors[0].field", equalTo("fault.ms"));
        problem(raw(with("tenant", "acme", Map.of("type", "latency", "min_ms", 50, "max_ms", 10))), 400)
                .body("errors[0].field", equalTo("fault.min_ms"));
        problem(raw(with("tenant", "acme", Map.of("type", "latency", "ms", 10, "status", 503))), 400)
                .body("errors[0].field", equalTo("fault.status"));
        problem(raw(with("tenant", "acme", Map.of("type", "reset", "ms", 10))), 400).body("errors[0].field", equalTo("fault.ms"));
        problem(raw("{\"dialect\": \"fortanix\", \"fault\": {\"type\": \"error\", \"status\": 422}}"), 400)
                .body("errors[0].message", equalTo("fortanix does not answer 422; it answers 400, 401, 403, 404, 409, 413,"
                        + " 429, 500, 502, 503, 504"));
        problem(raw("{\"dialect\": \"patchworks\", \"fault\": {\"type\": \"error\", \"status\": 503, \"code\": \"X\"}}"), 400)
                .body("errors[0].field", equalTo("fault.code"));
        problem(raw("{\"dialect\": \"frankieone\", \"fault\": {\"type\": \"error\", \"status\": 503, \"message\": \"m\"}}"), 400)
                .body("errors[0].field", equalTo("fault.message"));
        problem(raw("{\"dialect\": \"vmware\", \"fault\": {\"type\": \"reset\"}}"), 400);
        problem(raw("{\"dialect\": \"frankieone\"}"), 400).body("errors[0].field", equalTo("fault"));
        problem(raw("{\"dialect\": "), 400);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).contentType(ContentType.JSON)
                .body("{\"dialect\": \"frankieone\", \"fault\": {\"type\": \"reset\"}}").post(FAULTS), 401);

        assertThat(Sql.count("select count(*) from fault_rule")).isEqualTo(before);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static JsonPath rule(Map<String, ?> rule) {
        return new JsonPath(admin().body(rule).post(FAULTS).then().statusCode(201)
                .body("dialect", equalTo(rule.get("dialect"))).body("created_at", notNullValue())
                .extract().asString());
    }

    private static Map<String, Object> with(String field, Object value, Map<String, Object> fault) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("dialect", "frankieone");
        rule.put(field, value);
        rule.put("fault", fault);
        return rule;
    }

    private static JsonPath tenant(String dialect) {
        return new JsonPath(admin().body(Map.of("dialect", dialect)).post("/admin/v1/tenants").then().statusCode(201)
                .extract().asString());
    }

    private static Map<String, String> credential(JsonPath tenant, String type) {
        return tenant.<Map<String, String>>getList("credentials").stream().filter(c -> type.equals(c.get("type")))
                .findFirst().orElseThrow();
    }

    private static RequestSpecification frankieOne(JsonPath customer) {
        return given().filter(SpecValidation.strict("frankieone.yaml"))
                .header("api_key", customer.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", customer.getString("tenant")).contentType(ContentType.JSON);
    }

    private static List<Integer> journalStatuses(String tenant, String operation) {
        // The reset request was refused before its tenant was known to the journal: found by its operation and path.
        List<Integer> statuses = admin().queryParam("operation", operation).get("/admin/v1/journal").then().statusCode(200)
                .extract().path("items.status");
        return statuses.stream().limit(1).toList();
    }

    private static Socket socket() throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        Socket socket = new Socket(base.getHost(), RestAssured.port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static Response raw(Object body) {
        return given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .contentType(ContentType.JSON).body(body).post(FAULTS);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue());
    }
}
