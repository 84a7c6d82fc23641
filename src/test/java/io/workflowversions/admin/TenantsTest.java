package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static io.workflowversions.admin.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.HuaweiSigner;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fresh tenants over real HTTP: each dialect's credentials work at once, and removing a tenant takes all its data.
 * Admin exchanges are checked against openapi/admin.yaml, dialect exchanges against their specs.
 */
@QuarkusTest
class TenantsTest {

    private static final String TENANTS = "/admin/v1/tenants";

    @Test
    void aFortanixTenantLogsInWithItsPasswordAndWorksInItsAccount() {
        JsonPath tenant = create(Map.of("dialect", "fortanix"));
        assertThat(tenant.getString("tenant")).matches("[0-9a-f-]{36}");
        assertThat(tenant.getList("credentials")).hasSize(1);
        assertThat(tenant.getString("credentials[0].type")).isEqualTo("password");
        assertThat(tenant.getString("credentials[0].role")).isEqualTo("writer");

        String token = Logins.fortanix(null, tenant.getString("credentials[0].username"), tenant.getString("credentials[0].secret"));
        given().filter(SpecValidation.strict("fortanix-ccm.yaml")).header("Authorization", "Bearer " + token)
                .get("/v1/workflows/draft/graphs").then().statusCode(200);
    }

    @Test
    void aSecMasterTenantHasAnIamUserAndAnAccessKeyPair() {
        JsonPath tenant = create(Map.of("dialect", "secmaster", "role", "reader"));
        String project = tenant.getString("tenant");
        assertThat(project).matches("[0-9a-f]{32}");
        Map<String, String> user = credential(tenant, "password");
        Map<String, String> pair = credential(tenant, "access_key");
        assertThat(pair.get("access_key")).matches("[A-Z0-9]{20}");
        String workflows = "/v1/" + project + "/workspaces/ws-1/soc/workflows";

        String token = Logins.secmaster(null, user.get("username"), user.get("secret"), project);
        given().filter(SpecValidation.strict("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .get(workflows).then().statusCode(200).body("total", equalTo(0));
        given().filter(HuaweiSigner.of(pair.get("access_key"), pair.get("secret")))
                .filter(SpecValidation.strict("huawei-secmaster.yaml")).contentType("application/json;charset=UTF-8")
                .get(workflows).then().statusCode(200);
        // A reader may read, not write.
        given().filter(SpecValidation.responsesOnly("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .contentType("application/json;charset=UTF-8")
                .body(Map.of("name", "w", "engine_type", "public_engine", "aop_type", "NORMAL", "dataclass_id", "dc"))
                .post(workflows).then().statusCode(403);
    }

    @Test
    void aFrankieOneTenantCallsWithItsApiKey() {
        JsonPath tenant = create(Map.of("dialect", "frankieone"));
        given().filter(SpecValidation.strict("frankieone.yaml")).header("api_key", tenant.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", tenant.getString("tenant"))
                .get("/v2/workflowDefinitions").then().statusCode(200);
    }

    @Test
    void aPatchworksTenantHasAnApiKeyAndALogin() {
        JsonPath tenant = create(Map.of("dialect", "patchworks"));
        assertThat(tenant.getString("tenant")).matches("[1-9][0-9]*");
        Map<String, String> key = credential(tenant, "api_key");
        Map<String, String> user = credential(tenant, "password");

        given().filter(SpecValidation.strict("patchworks.yaml")).header("Authorization", key.get("secret"))
                .get("/api/v1/flows").then().statusCode(200);
        String token = Logins.patchworks(null, user.get("username"), user.get("secret"));
        given().filter(SpecValidation.strict("patchworks.yaml")).header("Authorization", "Bearer " + token)
                .get("/api/v1/flows").then().statusCode(200);
    }

    /** Companies are numbers from the store's serial; one that a company made by hand already has is passed over. */
    @Test
    void aPatchworksTenantIsNeverACompanyThatExists() {
        Map<String, Object> serial = Sql.rows("select last_value, is_called from public_serial").get(0);
        long next = ((Number) serial.get("last_value")).longValue() + (Boolean.TRUE.equals(serial.get("is_called")) ? 1 : 0);
        AdminApiTest.create("patchworks", "api_key", Map.of("secret", "taken-" + java.util.UUID.randomUUID()), String.valueOf(next));
        AdminApiTest.create("patchworks", "api_key", Map.of("secret", "taken-" + java.util.UUID.randomUUID()), String.valueOf(next + 1));

        String company = create(Map.of("dialect", "patchworks")).getString("tenant");

        assertThat(Long.parseLong(company)).isGreaterThan(next + 1);
        assertThat(Sql.count("select count(*) from credential where dialect = 'patchworks' and tenant = ?", company)).isEqualTo(2);
    }

    @Test
    void removingATenantTakesItsDataAndCredentialsAndLeavesOthersAlone() {
        JsonPath gone = create(Map.of("dialect", "frankieone"));
        JsonPath kept = create(Map.of("dialect", "frankieone"));
        saveDefinition(gone);
        saveDefinition(kept);

        admin().delete(TENANTS + "/frankieone/" + gone.getString("tenant")).then().statusCode(200)
                .body("workflows", equalTo(1)).body("versions", equalTo(1)).body("credentials", equalTo(1));

        assertThat(Sql.count("select count(*) from workflow where tenant = ?", gone.getString("tenant"))).isZero();
        assertThat(Sql.count("select count(*) from credential where tenant = ?", gone.getString("tenant"))).isZero();
        given().filter(SpecValidation.responsesOnly("frankieone.yaml")).header("api_key", gone.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", gone.getString("tenant")).get("/v2/workflowDefinitions").then().statusCode(401);
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", kept.getString("tenant"))).isEqualTo(1);
        given().filter(SpecValidation.strict("frankieone.yaml")).header("api_key", kept.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", kept.getString("tenant")).get("/v2/workflowDefinitions/kyc").then().statusCode(200);

        problem(admin().delete(TENANTS + "/frankieone/" + gone.getString("tenant")), 404);
        // The tenant of another dialect is another tenant.
        problem(admin().delete(TENANTS + "/patchworks/" + kept.getString("tenant")), 404);
    }

    @Test
    void parallelCreatesGiveDistinctTenants() {
        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(8, i -> () -> admin()
                .body(Map.of("dialect", "patchworks")).post(TENANTS).then().statusCode(201).extract().path("tenant"));

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.stream().map(Concurrently.Outcome::value).distinct()).hasSize(8);
    }

    @Test
    void badRequestsAreProblemsAndCreateNothing() {
        long before = Sql.count("select count(*) from credential");

        problem(raw("{\"dialect\": \"vmware\"}"), 400).body("errors[0].field", equalTo("dialect"));
        problem(raw("{}"), 400).body("errors[0].field", equalTo("dialect"));
        problem(raw("{\"dialect\": \"secmaster\", \"role\": \"owner\"}"), 400).body("errors[0].field", equalTo("role"));
        problem(raw("{\"dialect\": "), 400);
        problem(raw("[\"secmaster\"]"), 400);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).contentType(ContentType.JSON)
                .body("{\"dialect\": \"secmaster\"}").post(TENANTS), 401);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).delete(TENANTS + "/secmaster/x"), 401);

        assertThat(Sql.count("select count(*) from credential")).isEqualTo(before);
    }

    private static JsonPath create(Map<String, String> request) {
        String body = admin().body(request).post(TENANTS).then().statusCode(201)
                .body("dialect", equalTo(request.get("dialect")))
                .body("tenant", notNullValue())
                .body("credentials.id", org.hamcrest.Matchers.everyItem(matchesPattern("[0-9a-f-]{36}")))
                .extract().asString();
        JsonPath tenant = new JsonPath(body);
        assertThat(Sql.count("select count(*) from credential where dialect = ? and tenant = ?", request.get("dialect"),
                tenant.getString("tenant"))).isEqualTo(tenant.getList("credentials").size());
        return tenant;
    }

    private static Map<String, String> credential(JsonPath tenant, String type) {
        List<Map<String, String>> found = tenant.<Map<String, String>>getList("credentials").stream()
                .filter(c -> type.equals(c.get("type"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void saveDefinition(JsonPath tenant) {
        given().filter(SpecValidation.strict("frankieone.yaml")).header("api_key", tenant.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", tenant.getString("tenant")).contentType(ContentType.JSON)
                .body("{\"name\": \"KYC\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}")
                .put("/v2/workflowDefinitions/kyc").then().statusCode(200);
    }

    private static Response raw(String body) {
        return given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .contentType(ContentType.JSON).body(body).post(TENANTS);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue());
    }
}
