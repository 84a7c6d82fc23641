package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP and the real database; every exchange is checked against openapi/admin.yaml. */
@QuarkusTest
class AdminApiTest {

    private static final String TOKEN = "test-admin-token";
    private static final String SPEC = "admin.yaml";

    // ---- credentials ----------------------------------------------------------------------------------------

    @Test
    void createsACredentialAndNeverReturnsTheSecret() {
        String tenant = "acct-" + UUID.randomUUID();
        Response response = admin()
                .body(Map.of("dialect", "fortanix", "type", "password", "username", "Alice@Example.test",
                        "secret", "correct horse battery staple", "tenant", tenant, "role", "writer",
                        "display_name", "Alice"))
                .post("/admin/v1/credentials");

        response.then().statusCode(201)
                .header("Location", containsString("/admin/v1/credentials/"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("dialect", equalTo("fortanix"))
                .body("type", equalTo("password"))
                .body("username", equalTo("Alice@Example.test"))
                .body("tenant", equalTo(tenant))
                .body("role", equalTo("writer"))
                .body("display_name", equalTo("Alice"))
                .body("created_at", notNullValue())
                .body("access_key", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        assertThat(response.asString()).doesNotContain("correct horse");
        assertThat(Sql.count("select count(*) from credential where id = ?::uuid", response.path("id").toString())).isEqualTo(1);
    }

    @Test
    void duplicatesAreRefusedWith409AndTheSameNameInAnotherDialectIsFine() {
        String name = "dup-" + UUID.randomUUID();
        create("patchworks", "password", Map.of("username", name, "secret", "password-1"), "1");

        problem(admin().body(credential("patchworks", "password", Map.of("username", name.toUpperCase(), "secret", "password-2"), "2"))
                .post("/admin/v1/credentials"), 409, "conflict");
        create("fortanix", "password", Map.of("username", name, "secret", "password-3"), "acct");

        String key = "key-" + UUID.randomUUID();
        create("patchworks", "api_key", Map.of("secret", key), "1");
        problem(admin().body(credential("patchworks", "api_key", Map.of("secret", key), "7")).post("/admin/v1/credentials"),
                409, "conflict");
    }

    @Test
    void concurrentCreatesOfTheSameUserGiveOneCreatedAndTheRestConflict() {
        String name = "race-" + UUID.randomUUID();
        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(10, i -> () -> admin()
                .body(credential("fortanix", "password", Map.of("username", name, "secret", "password-" + i), "acct"))
                .post("/admin/v1/credentials").statusCode());

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.stream().map(Concurrently.Outcome::value)).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(Sql.count("select count(*) from credential where username = ?", name)).isEqualTo(1);
    }

    @Test
    void theShapeOfACredentialDependsOnItsType() {
        problem(admin().body(credential("fortanix", "password", Map.of("secret", "password-1"), "acct"))
                .post("/admin/v1/credentials"), 400, "invalid-input")
                .body("errors[0].field", equalTo("username"));
        problem(admin().body(credential("frankieone", "api_key", Map.of("secret", "password-1", "access_key", "AKAKAKAKAK"), "c"))
                .post("/admin/v1/credentials"), 400, "invalid-input")
                .body("errors[0].field", equalTo("access_key"));
        problem(admin().body(credential("secmaster", "access_key", Map.of("secret", "password-1"), "p"))
                .post("/admin/v1/credentials"), 400, "invalid-input")
                .body("errors[0].field", equalTo("access_key"));
    }

    @Test
    void listsFiltersAndDeletes() {
        String tenant = "list-" + UUID.randomUUID();
        String first = create("frankieone", "api_key", Map.of("secret", "k1-" + tenant), tenant);
        String second = create("frankieone", "api_key", Map.of("secret", "k2-" + tenant), tenant);
        create("patchworks", "api_key", Map.of("secret", "k3-" + tenant), tenant);

        admin().queryParam("dialect", "frankieone").queryParam("tenant", tenant).get("/admin/v1/credentials")
                .then().statusCode(200).body("items", hasSize(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(first, second));

        admin().delete("/admin/v1/credentials/" + first).then().statusCode(204);
        problem(admin().delete("/admin/v1/credentials/" + first), 404, "not-found");
        admin().queryParam("tenant", tenant).get("/admin/v1/credentials")
                .then().statusCode(200).body("items", hasSize(2)).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(first)));
        given().header("api_key", "k1-" + tenant).header("X-Frankie-CustomerID", tenant).get("/v2/workflowDefinitions")
                .then().statusCode(401);
    }

    @Test
    void hostileStringsAreStoredAndReturnedVerbatim() {
        String hostile = "Robert'); DROP TABLE credential;-- <script>alert(1)</script> \u202e\u00e9\ud83d\ude00";
        String id = admin().body(Map.of("dialect", "frankieone", "type", "api_key", "secret", "hostile-" + UUID.randomUUID(),
                        "tenant", "c1", "role", "reader", "display_name", hostile))
                .post("/admin/v1/credentials").then().statusCode(201).body("display_name", equalTo(hostile))
                .extract().path("id");

        assertThat(Sql.rows("select display_name from credential where id = ?::uuid", id).get(0).get("display_name"))
                .isEqualTo(hostile);
    }

    // ---- reset ----------------------------------------------------------------------------------------------

    @Test
    void resetDeletesWorkflowDataOfTheGivenScopeAndKeepsCredentials() {
        String tenant = "reset-" + UUID.randomUUID();
        seedWorkflow("secmaster", tenant, 3);
        seedWorkflow("patchworks", tenant, 1);
        long credentials = Sql.count("select count(*) from credential");

        admin().body(Map.of("dialect", "secmaster", "tenant", tenant)).post("/admin/v1/reset")
                .then().statusCode(200).body("workflows", equalTo(1)).body("versions", equalTo(3));
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", tenant)).isEqualTo(1);

        admin().body(Map.of("tenant", tenant)).post("/admin/v1/reset")
                .then().statusCode(200).body("workflows", equalTo(1)).body("versions", equalTo(1));
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", tenant)).isZero();
        assertThat(Sql.count("select count(*) from credential")).isEqualTo(credentials);
    }

    @Test
    void resetWithoutABodyDeletesEverything() {
        seedWorkflow("fortanix", "all-" + UUID.randomUUID(), 2);

        given().filter(SpecValidation.strict(SPEC)).header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .post("/admin/v1/reset").then().statusCode(200).body("workflows", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        assertThat(Sql.count("select count(*) from workflow")).isZero();
        assertThat(Sql.count("select count(*) from workflow_version")).isZero();
    }

    // ---- failures: every one in problem JSON, and nothing written -------------------------------------------

    @Test
    void aMissingOrWrongAdminTokenIs401() {
        long before = Sql.count("select count(*) from credential");
        problem(given().filter(SpecValidation.responsesOnly(SPEC)).contentType(ContentType.JSON)
                .body(credential("fortanix", "api_key", Map.of("secret", "k-" + UUID.randomUUID()), "a"))
                .post("/admin/v1/credentials"), 401, "unauthenticated")
                .header("WWW-Authenticate", "Bearer");
        problem(given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", "Bearer wrong")
                .get("/admin/v1/credentials"), 401, "unauthenticated");
        problem(given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", "Basic " + TOKEN)
                .get("/admin/v1/credentials"), 401, "unauthenticated");
        assertThat(Sql.count("select count(*) from credential")).isEqualTo(before);
    }

    /** Without the token, a path the admin API does not have is as closed as one it has. */
    @Test
    void anUnknownAdminPathNeedsTheTokenBeforeItIsNotFound() {
        problem(given().get("/admin/v1/no-such-thing"), 401, "unauthenticated");
        problem(given().header("Authorization", "Bearer " + TOKEN).get("/admin/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void clientMistakesAreAnswered4xxInProblemJsonAndWriteNothing() {
        long before = Sql.count("select count(*) from credential");

        problem(raw("{\"dialect\":", ContentType.JSON), 400, "malformed-body");
        problem(raw("[1,2,3]", ContentType.JSON), 400, "malformed-body");
        problem(raw("", ContentType.JSON), 400, "invalid-input");
        problem(raw("{\"dialect\":\"fortanix\",\"type\":\"api_key\",\"secret\":\"12345678\",\"tenant\":[\"x\"],\"role\":\"reader\"}",
                ContentType.JSON), 400, "invalid-input").body("errors[0].field", equalTo("tenant"));
        problem(raw("{\"dialect\":\"vmware\",\"type\":\"api_key\",\"secret\":\"12345678\",\"tenant\":\"x\",\"role\":\"reader\"}",
                ContentType.JSON), 400, "invalid-input").body("errors[0].field", equalTo("dialect"));
        problem(raw("{\"dialect\":\"fortanix\",\"type\":\"api_key\",\"secret\":\"short\",\"tenant\":\"a b\",\"role\":\"reader\","
                + "\"sub_tenant\":\"\"}", ContentType.JSON), 400, "invalid-input")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("secret", "sub_tenant", "sub_tenant", "tenant"));
        problem(raw("{}", ContentType.JSON), 400, "invalid-input")
                .body("errors[0].field", equalTo("dialect"))
                .body("errors[0].message", equalTo("is required"));
        problem(raw("dialect=fortanix", ContentType.URLENC), 415, "unsupported-media-type");
        problem(raw("{\"dialect\":\"fortanix\"}", ContentType.XML), 415, "unsupported-media-type");

        assertThat(Sql.count("select count(*) from credential")).isEqualTo(before);
    }

    @Test
    void unknownRoutesMethodsAndIdsUnderTheAdminPrefixAreProblems() {
        // Routes the spec does not have cannot be checked against it; the envelope is checked by hand.
        problem(outsideTheSpec().get("/admin/v1/nothing-here"), 404, "not-found");
        problem(outsideTheSpec().get("/admin/v2"), 404, "not-found");
        problem(outsideTheSpec().put("/admin/v1/credentials"), 405, "method-not-allowed");
        problem(outsideTheSpec().patch("/admin/v1/reset"), 405, "method-not-allowed");
        problem(outsideTheSpec().delete("/admin/v1/credentials/not-a-uuid"), 404, "not-found");
        problem(admin().delete("/admin/v1/credentials/" + UUID.randomUUID()), 404, "not-found");
        problem(outsideTheSpec().queryParam("dialect", "nope").get("/admin/v1/credentials"), 404, "not-found");
    }

    @Test
    void bodiesOverEightMebibytesAre413() {
        long before = Sql.count("select count(*) from credential");
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');

        problem(given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", "Bearer " + TOKEN)
                .contentType(ContentType.JSON).body(big).post("/admin/v1/credentials"), 413, "payload-too-large");

        assertThat(Sql.count("select count(*) from credential")).isEqualTo(before);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static RequestSpecification admin() {
        return given().filter(SpecValidation.strict(SPEC)).header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    private static RequestSpecification outsideTheSpec() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private static Response raw(String body, ContentType type) {
        return given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", "Bearer " + TOKEN)
                .contentType(type).body(body).post("/admin/v1/credentials");
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status, String kind) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/" + kind))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("instance", notNullValue());
    }

    private static Map<String, Object> credential(String dialect, String type, Map<String, String> extra, String tenant) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("dialect", dialect);
        body.put("type", type);
        body.put("tenant", tenant);
        body.put("role", "writer");
        return body;
    }

    static String create(String dialect, String type, Map<String, String> extra, String tenant) {
        return admin().body(credential(dialect, type, extra, tenant)).post("/admin/v1/credentials")
                .then().statusCode(201).extract().path("id");
    }

    /** A workflow with unnumbered draft versions, written straight to the database. */
    private static void seedWorkflow(String dialect, String tenant, int versions) {
        Sql.execute("insert into workflow (dialect, tenant, external_key, name, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, 'n', now(), 'test', now(), 'test')", dialect, tenant, "wf-" + UUID.randomUUID());
        for (int i = 0; i < versions; i++) {
            Sql.execute("insert into workflow_version (workflow_id, public_id, state, content, created_at, created_by,"
                    + " updated_at, updated_by) select max(id), ?, 'draft', '{}', now(), 'test', now(), 'test'"
                    + " from workflow where dialect = ? and tenant = ?", UUID.randomUUID().toString(), dialect, tenant);
        }
    }
}
