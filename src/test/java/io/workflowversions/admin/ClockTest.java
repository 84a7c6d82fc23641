package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static io.workflowversions.admin.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clock over real HTTP and PostgreSQL: what the dialects stamp and decide by time follows a tenant's clock or the
 * service's, tokens and sessions expire when it passes their lifetime, and bad settings change nothing. Admin
 * exchanges are checked against openapi/admin.yaml, dialect exchanges against their specs.
 */
@QuarkusTest
class ClockTest {

    private static final String CLOCK = "/admin/v1/clock";
    private static final String FIXED = "2025-01-31T10:00:00Z";
    private static final String DEFINITION = "{\"name\":\"KYC\",\"tasks\":[{\"id\":\"t1\",\"configuration\":{\"type\":\"HTTP\"}}]}";

    @AfterEach
    void realTimeAgain() {
        admin().body("{}").put(CLOCK).then().statusCode(200).body("mode", equalTo("real"));
    }

    @Test
    void aTenantsFixedClockStampsItsTimesAndIdsAndNoOneElses() {
        JsonPath customer = tenant("frankieone");
        JsonPath other = tenant("frankieone");
        setClock(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "fixed", FIXED))
                .body("source", equalTo("tenant")).body("mode", equalTo("fixed")).body("fixed", equalTo(FIXED))
                .body("now", equalTo(FIXED)).body("offset", nullValue());

        JsonPath saved = frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getString("workflowDefinition.createdAt")).isEqualTo(FIXED);
        assertThat(ulidTime(saved.getString("workflowDefinition.versionId"))).isEqualTo(Instant.parse(FIXED));
        assertThat(ulidTime(saved.getString("requestId"))).isEqualTo(Instant.parse(FIXED));
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and v.created_at = ?::timestamptz", customer.getString("tenant"), FIXED)).isEqualTo(1);

        String elsewhere = frankieOne(other).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200)
                .extract().path("workflowDefinition.createdAt");
        assertThat(Duration.between(Instant.parse(elsewhere), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        admin().body(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "by", "PT15M"))
                .post(CLOCK + "/advance").then().statusCode(200).body("fixed", equalTo("2025-01-31T10:15:00Z"));
        String updated = frankieOne(customer).body(DEFINITION.replace("KYC", "KYC 2")).put("/v2/workflowDefinitions/kyc")
                .then().statusCode(200).extract().path("workflowDefinition.updatedAt");
        assertThat(updated).isEqualTo("2025-01-31T10:15:00Z");
        admin().queryParam("dialect", "frankieone").queryParam("tenant", other.getString("tenant")).get(CLOCK)
                .then().statusCode(200).body("source", equalTo("service")).body("mode", equalTo("real"));
    }

    @Test
    void anOffsetClockShiftsRealTimeAndTheServiceClockReachesEveryTenant() {
        JsonPath customer = tenant("frankieone");
        setClock(Map.of("offset", "-P400D")).body("source", equalTo("service")).body("mode", equalTo("offset"))
                .body("offset", equalTo("PT-9600H"));
        String created = frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/shifted").then().statusCode(200)
                .extract().path("workflowDefinition.createdAt");
        Duration behind = Duration.between(Instant.parse(created), Instant.now());
        assertThat(behind).isBetween(Duration.ofDays(400).minusMinutes(1), Duration.ofDays(400).plusMinutes(1));
        admin().queryParam("dialect", "frankieone").queryParam("tenant", customer.getString("tenant")).get(CLOCK)
                .then().statusCode(200).body("source", equalTo("service")).body("mode", equalTo("offset"));
    }

    @Test
    void aPatchworksTokenExpiresWhenTheClockPassesItsLifetime() {
        JsonPath company = tenant("patchworks");
        Map<String, String> user = credential(company, "password");
        String token = Logins.patchworks(null, user.get("username"), user.get("secret"));
        patchworks(token).get("/api/v1/flows").then().statusCode(200);

        advance("patchworks", company.getString("tenant"), "PT23H59M");
        patchworks(token).get("/api/v1/flows").then().statusCode(200);
        advance("patchworks", company.getString("tenant"), "PT2M");
        patchworks(token).get("/api/v1/flows").then().statusCode(401).body("message", equalTo("Unauthenticated."));
    }

    @Test
    void aSecMasterTokenExpiresWhenTheClockPassesItsLifetime() {
        JsonPath project = tenant("secmaster");
        Map<String, String> user = credential(project, "password");
        String token = Logins.secmaster(null, user.get("username"), user.get("secret"), project.getString("tenant"));
        String workflows = "/v1/" + project.getString("tenant") + "/workspaces/ws-1/soc/workflows";
        secmaster(token).get(workflows).then().statusCode(200);

        advance("secmaster", project.getString("tenant"), "P1DT1M");
        secmaster(token).get(workflows).then().statusCode(401);
    }

    @Test
    void aFortanixSessionExpiresWhenTheClockPassesItsIdleLifetime() {
        JsonPath account = tenant("fortanix");
        String token = Logins.fortanix(null, account.getString("credentials[0].username"),
                account.getString("credentials[0].secret"));
        fortanix(token).get("/v1/workflows/draft/graphs").then().statusCode(200);

        advance("fortanix", account.getString("tenant"), "P1DT1M");
        fortanix(token).get("/v1/workflows/draft/graphs").then().statusCode(401);
    }

    @Test
    void aLoginCoolingPeriodEndsWhenTheServiceClockPassesIt() {
        JsonPath company = tenant("patchworks");
        Map<String, String> user = credential(company, "password");
        for (int i = 0; i < 10; i++) {
            login(user.get("username"), "wrong").statusCode(401);
        }
        login(user.get("username"), user.get("secret")).statusCode(401);

        admin().body(Map.of("by", "PT6M")).post(CLOCK + "/advance").then().statusCode(200).body("mode", equalTo("offset"));
        login(user.get("username"), user.get("secret")).statusCode(200);
    }

    @Test
    void parallelAdvancesAllCount() {
        JsonPath customer = tenant("frankieone");
        Map<String, Object> scope = Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"));
        setClock(with(scope, "fixed", FIXED));
        Concurrently.run(20, i -> () -> admin().body(with(scope, "by", "PT1M")).post(CLOCK + "/advance").statusCode());
        admin().queryParam("dialect", "frankieone").queryParam("tenant", customer.getString("tenant")).get(CLOCK)
                .then().statusCode(200).body("fixed", equalTo("2025-01-31T10:20:00Z"));
        assertThat(Sql.count("select count(*) from clock_setting where tenant = ?", customer.getString("tenant"))).isEqualTo(1);
    }

    @Test
    void badSettingsAreProblemsAndChangeNothing() {
        setClock(Map.of("fixed", FIXED));
        long rows = Sql.count("select count(*) from clock_setting");
        problem(raw().body(Map.of("fixed", FIXED, "offset", "PT1H")).put(CLOCK), "offset");
        problem(raw().body(Map.of("offset", "2 hours")).put(CLOCK), "offset");
        problem(raw().body(Map.of("offset", "P1M")).put(CLOCK), "offset");
        problem(raw().body(Map.of("fixed", "1900-01-01T00:00:00Z")).put(CLOCK), "fixed");
        problem(raw().body(Map.of("fixed", "yesterday")).put(CLOCK), null);
        problem(raw().body(Map.of("dialect", "frankieone", "fixed", FIXED)).put(CLOCK), "tenant");
        problem(raw().body(Map.of("dialect", "vmware", "tenant", "t", "fixed", FIXED)).put(CLOCK), "dialect");
        problem(raw().body(Map.of("by", "-PT1M")).post(CLOCK + "/advance"), "by");
        problem(raw().body(Map.of("by", "PT0S")).post(CLOCK + "/advance"), "by");
        problem(raw().body(Map.of("by", "P30000D")).post(CLOCK + "/advance"), "by");
        problem(raw().body(Map.of()).post(CLOCK + "/advance"), "by");
        problem(raw().body("{\"by\": ").post(CLOCK + "/advance"), null);
        problem(raw().queryParam("tenant", "t").get(CLOCK), "dialect");
        given().filter(SpecValidation.responsesOnly("admin.yaml")).contentType(ContentType.JSON).body("{}").put(CLOCK)
                .then().statusCode(401);

        admin().get(CLOCK).then().statusCode(200).body("mode", equalTo("fixed")).body("fixed", equalTo(FIXED));
        assertThat(Sql.count("select count(*) from clock_setting")).isEqualTo(rows);
    }

    static Instant ulidTime(String ulid) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long millis = 0;
        for (char c : ulid.substring(0, 10).toCharArray()) {
            millis = millis * 32 + alphabet.indexOf(c);
        }
        return Instant.ofEpochMilli(millis);
    }

    private static ValidatableResponse setClock(Map<String, ?> body) {
        return admin().body(body).put(CLOCK).then().statusCode(200);
    }

    private static void advance(String dialect, String tenant, String by) {
        admin().body(Map.of("dialect", dialect, "tenant", tenant, "by", by)).post(CLOCK + "/advance").then().statusCode(200);
    }

    private static void problem(io.restassured.response.Response response, String field) {
        ValidatableResponse answer = response.then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            answer.body("errors[0].field", equalTo(field));
        }
    }

    private static RequestSpecification raw() {
        return given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> with(Map<String, Object> scope, String key, Object value) {
        Map<String, Object> body = new HashMap<>(scope);
        body.put(key, value);
        return body;
    }

    private static JsonPath tenant(String dialect) {
        return admin().body(Map.of("dialect", dialect)).post("/admin/v1/tenants").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, String> credential(JsonPath tenant, String type) {
        return tenant.getList("credentials", Map.class).stream().filter(c -> type.equals(c.get("type")))
                .map(c -> {
                    Map<String, String> credential = new HashMap<>();
                    c.forEach((k, v) -> credential.put((String) k, v == null ? null : v.toString()));
                    return credential;
                }).findFirst().orElseThrow();
    }

    private static RequestSpecification frankieOne(JsonPath customer) {
        return given().filter(SpecValidation.strict("frankieone.yaml")).contentType(ContentType.JSON)
                .header("api_key", customer.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", customer.getString("tenant"));
    }

    private static RequestSpecification patchworks(String token) {
        return given().filter(SpecValidation.responsesOnly("patchworks.yaml")).header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification secmaster(String token) {
        return given().filter(SpecValidation.responsesOnly("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .contentType("application/json;charset=UTF-8");
    }

    private static RequestSpecification fortanix(String token) {
        return given().filter(SpecValidation.responsesOnly("fortanix-ccm.yaml")).header("Authorization", "Bearer " + token);
    }

    private static ValidatableResponse login(String username, String password) {
        return given().filter(SpecValidation.responsesOnly("patchworks.yaml")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/fabric/api/login").then();
    }
}
