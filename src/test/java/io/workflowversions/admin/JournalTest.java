package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static io.workflowversions.admin.AdminApiTest.admin;
import static io.workflowversions.admin.AdminApiTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The request journal over real HTTP: what each dialect was sent and answered, with secrets redacted. Every admin
 * exchange is checked against openapi/admin.yaml and every dialect exchange against its dialect's spec.
 */
@QuarkusTest
class JournalTest {

    private static final String JOURNAL = "/admin/v1/journal";

    @Test
    void aFrankieOneSaveIsRecordedWithItsOperationTenantBodiesAndAnswer() {
        String customer = "journal-" + UUID.randomUUID();
        String key = "fk-" + UUID.randomUUID();
        create("frankieone", "api_key", Map.of("secret", key), customer);
        Instant before = Instant.now();

        String answer = frankieOne(key, customer).header("X-Frankie-Username", "Jane Smith")
                .body("{\"name\": \"kyc\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}")
                .put("/v2/workflowDefinitions/kyc-onboarding").then().statusCode(200).extract().asString();

        String page = admin().queryParam("tenant", customer).get(JOURNAL).then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().asString();
        assertThat(page).doesNotContain(key);
        JsonPath entry = new JsonPath(page).setRootPath("items[0]");
        assertThat(entry.getString("dialect")).isEqualTo("frankieone");
        assertThat(entry.getString("tenant")).isEqualTo(customer);
        assertThat(entry.getString("operation")).isEqualTo("createOrUpdateWorkflowDefinition");
        assertThat(entry.getString("method")).isEqualTo("PUT");
        assertThat(entry.getString("path")).isEqualTo("/v2/workflowDefinitions/kyc-onboarding");
        assertThat(entry.getInt("status")).isEqualTo(200);
        assertThat(entry.getDouble("duration_ms")).isPositive();
        assertThat(Instant.parse(entry.getString("time"))).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(entry.getString("request_headers.api_key")).isEqualTo("[redacted]");
        assertThat(entry.getString("request_headers.x-frankie-customerid")).isEqualTo(customer);
        assertThat(entry.getString("request_headers.x-frankie-username")).isEqualTo("Jane Smith");
        assertThat(entry.getString("request_body")).contains("\"name\": \"kyc\"");
        assertThat(entry.getBoolean("request_body_truncated")).isFalse();
        assertThat(entry.getString("response_body")).isEqualTo(answer);
        assertThat(entry.getString("response_headers.content-type")).startsWith("application/json");
        assertThat(entry.getBoolean("response_body_truncated")).isFalse();

        count(Map.of("dialect", "frankieone", "operation", "createOrUpdateWorkflowDefinition", "tenant", customer), 1);
        count(Map.of("tenant", customer, "status", 200, "since", before.minusSeconds(1).toString()), 1);
        count(Map.of("tenant", customer, "since", Instant.now().plusSeconds(60).toString()), 0);
        count(Map.of("tenant", customer, "operation", "getWorkflowDefinition"), 0);
        count(Map.of("dialect", "patchworks", "tenant", customer), 0);
    }

    @Test
    void everyDialectsLoginIsRecordedWithoutItsPasswordsOrTokens() {
        String suffix = UUID.randomUUID().toString();
        String password = "pw-" + suffix;

        String account = "acct-" + suffix;
        String email = "journal-" + suffix + "@fortanix.test";
        create("fortanix", "password", Map.of("username", email, "secret", password), account);
        String fortanixToken = Logins.fortanix(null, email, password);

        String project = "proj-" + suffix;
        String iamUser = "journal-" + suffix;
        create("secmaster", "password", Map.of("username", iamUser, "secret", password), project);
        String iamToken = Logins.secmaster(null, iamUser, password, project);

        String company = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE));
        String pwUser = "journal-" + suffix + "@patchworks.test";
        create("patchworks", "password", Map.of("username", pwUser, "secret", password), company);
        String pwToken = Logins.patchworks(null, pwUser, password);
        given().filter(SpecValidation.strict("patchworks.yaml")).header("Authorization", "Bearer " + pwToken)
                .get("/api/v1/flows").then().statusCode(200);

        String everything = admin().queryParam("limit", 1000).get(JOURNAL).then().statusCode(200).extract().asString();
        for (String secret : List.of(password, fortanixToken, iamToken, pwToken)) {
            assertThat(everything).doesNotContain(secret);
        }

        // A login is not yet authenticated: it has no tenant. The tests of this suite run one at a time.
        JsonPath fortanix = newest(Map.of("operation", "authenticateUser"), null);
        assertThat(fortanix.getString("tenant")).isNull();
        assertThat(fortanix.getString("request_headers.authorization")).isEqualTo("Basic [redacted]");
        assertThat(fortanix.getString("response_body")).contains("\"access_token\":\"[redacted]\"");

        JsonPath secmaster = newest(Map.of("operation", "keystoneCreateUserTokenByPassword"), iamUser);
        assertThat(secmaster.getInt("status")).isEqualTo(201);
        assertThat(secmaster.getString("request_body")).contains("\"password\":\"[redacted]\"").contains(iamUser);
        assertThat(secmaster.getString("response_headers.x-subject-token")).isEqualTo("[redacted]");

        JsonPath login = newest(Map.of("operation", "login"), pwUser);
        assertThat(login.getString("request_body")).contains("\"password\":\"[redacted]\"");
        assertThat(login.getString("response_body")).contains("\"token\":\"[redacted]\"");

        JsonPath flows = new JsonPath(admin().queryParam("tenant", company).queryParam("operation", "listFlows")
                .get(JOURNAL).then().statusCode(200).body("items.size()", equalTo(1)).extract().asString())
                .setRootPath("items[0]");
        assertThat(flows.getString("dialect")).isEqualTo("patchworks");
        assertThat(flows.getString("request_headers.authorization")).isEqualTo("Bearer [redacted]");
    }

    @Test
    void refusalsAreRecordedWithTheEnvelopeTheClientGot() {
        String unknown = "journal-" + UUID.randomUUID();

        String unauthenticated = given().filter(SpecValidation.responsesOnly("frankieone.yaml"))
                .header("api_key", "no-such-key").header("X-Frankie-CustomerID", "c")
                .get("/v2/workflowDefinitions/" + unknown).then().statusCode(401).extract().asString();
        JsonPath refused = byPath("/v2/workflowDefinitions/" + unknown);
        assertThat(refused.getInt("status")).isEqualTo(401);
        assertThat(refused.getString("operation")).isEqualTo("getWorkflowDefinition");
        assertThat(refused.getString("tenant")).isNull();
        assertThat(refused.getString("response_body")).isEqualTo(unauthenticated);

        String notFound = given().get("/api/v1/no-such-thing/" + unknown).then().statusCode(404).extract().asString();
        JsonPath unmatched = byPath("/api/v1/no-such-thing/" + unknown);
        assertThat(unmatched.getString("dialect")).isEqualTo("patchworks");
        assertThat(unmatched.getString("operation")).isNull();
        assertThat(unmatched.getString("response_body")).isEqualTo(notFound).isNotBlank();

        String longPath = "/v2/workflowDefinitions/" + unknown + "x".repeat(9000);
        given().get(longPath).then().statusCode(414);
        JsonPath tooLong = byPath(longPath);
        assertThat(tooLong.getString("dialect")).isEqualTo("frankieone");
        assertThat(tooLong.getString("response_body")).contains("longer than the limit");
    }

    @Test
    void bodiesAreCutAtTheConfiguredSize() {
        String customer = "journal-" + UUID.randomUUID();
        String key = "fk-" + UUID.randomUUID();
        create("frankieone", "api_key", Map.of("secret", key), customer);
        String notes = "n".repeat(40_000);

        frankieOne(key, customer)
                .body("{\"name\": \"big\", \"notes\": \"" + notes + "\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}")
                .put("/v2/workflowDefinitions/big").then().statusCode(200);

        JsonPath entry = newest(Map.of("tenant", customer), null);
        assertThat(entry.getString("request_body")).hasSize(16384).startsWith("{\"name\": \"big\"");
        assertThat(entry.getBoolean("request_body_truncated")).isTrue();
        assertThat(entry.getString("response_body")).hasSize(16384);
        assertThat(entry.getBoolean("response_body_truncated")).isTrue();
    }

    @Test
    void parallelRequestsAreEachRecordedOnce() {
        String customer = "journal-" + UUID.randomUUID();
        String key = "fk-" + UUID.randomUUID();
        create("frankieone", "api_key", Map.of("secret", key), customer);

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(24, i -> () -> frankieOne(key, customer)
                .get("/v2/workflowDefinitions").statusCode());

        assertThat(outcomes).allMatch(o -> o.succeeded() && o.value() == 200);
        count(Map.of("tenant", customer, "operation", "listWorkflowDefinitions", "status", 200), 24);
        List<Long> ids = new JsonPath(admin().queryParam("tenant", customer).get(JOURNAL).then().statusCode(200)
                .extract().asString()).getList("items.id", Long.class);
        assertThat(ids).hasSize(24).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void clearingForgetsEverythingAndTheAdminApiItselfIsNotRecorded() {
        admin().delete(JOURNAL).then().statusCode(204);
        admin().get("/admin/v1/credentials").then().statusCode(200);
        admin().get(JOURNAL).then().statusCode(200).body("items.path", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("/admin"))));
    }

    @Test
    void badMatchersAreRefusedInProblemJson() {
        problem(admin().queryParam("operation", "noSuchOperation").get(JOURNAL), 400).body("errors[0].field", equalTo("operation"));
        // An operation of another dialect is unknown to this one.
        problem(admin().queryParam("dialect", "patchworks").queryParam("operation", "listWorkflowDefinitions").get(JOURNAL), 400);
        problem(admin().queryParam("since", "yesterday").get(JOURNAL), 400).body("errors[0].field", equalTo("since"));
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .queryParam("limit", 0).get(JOURNAL), 400);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .queryParam("status", 99).get(JOURNAL), 400);
        problem(raw("{\"dialect\": \"vmware\"}"), 400);
        problem(raw("{\"status\": \"often\"}"), 400);
        problem(raw("{\"since\": \"soon\"}"), 400);
        problem(raw("{\"operation\": "), 400);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).get(JOURNAL), 401);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).delete(JOURNAL), 401);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static RequestSpecification frankieOne(String key, String customer) {
        return given().filter(SpecValidation.strict("frankieone.yaml"))
                .header("api_key", key).header("X-Frankie-CustomerID", customer).contentType(ContentType.JSON);
    }

    private static JsonPath list(Map<String, ?> query) {
        return new JsonPath(admin().queryParams(query).get(JOURNAL).then().statusCode(200).extract().asString());
    }

    /** The newest entry matching the query, and whose text contains {@code marker} when one is given. */
    private static JsonPath newest(Map<String, ?> query, String marker) {
        List<Map<String, Object>> items = list(query).getList("items");
        for (int i = 0; i < items.size(); i++) {
            JsonPath entry = list(query).setRootPath("items[" + i + "]");
            if (marker == null || entry.prettify().contains(marker)) {
                return entry;
            }
        }
        throw new AssertionError("no journal entry for " + query + " with " + marker);
    }

    private static JsonPath byPath(String path) {
        JsonPath page = list(Map.of("limit", 1000));
        List<String> paths = page.getList("items.path");
        int index = paths.indexOf(path);
        assertThat(index).as("an entry for %s", path).isNotNegative();
        return page.setRootPath("items[" + index + "]");
    }

    private static void count(Map<String, ?> matcher, long expected) {
        admin().body(matcher).post(JOURNAL + "/count").then().statusCode(200).body("count", equalTo((int) expected));
    }

    private static io.restassured.response.Response raw(String body) {
        return given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .contentType(ContentType.JSON).body(body).post(JOURNAL + "/count");
    }

    private static io.restassured.response.ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue());
    }
}
