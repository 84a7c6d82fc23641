package io.workflowversions.admin;

import static io.restassured.RestAssured.given;
import static io.workflowversions.admin.AdminApiTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.reliability.ProcessTenants;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Snapshots over real HTTP and PostgreSQL: a restore brings back what was deleted, with its ids, numbers and counters,
 * in every dialect, and leaves other tenants alone. Admin exchanges are checked against openapi/admin.yaml, dialect
 * exchanges against their specs.
 */
@QuarkusTest
class SnapshotsTest {

    private static final String SNAPSHOTS = "/admin/v1/snapshots";
    private static final String DEFINITION = "{\"name\": \"KYC\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}";

    @Test
    void aFrankieOneRestoreBringsBackADeletedDefinitionWithItsCounter() {
        JsonPath acme = tenant("frankieone");
        JsonPath other = tenant("frankieone");
        frankieOne(acme).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);
        frankieOne(acme).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);
        String before = frankieOne(acme).get("/v2/workflowDefinitions/kyc").then().statusCode(200)
                .extract().jsonPath().getString("workflowDefinition");
        JsonPath snapshot = snapshot(Map.of("dialect", "frankieone", "tenant", acme.getString("tenant")));
        assertThat(snapshot.getLong("counts.workflows")).isEqualTo(1);
        assertThat(snapshot.getLong("counts.versions")).isEqualTo(2);
        assertThat(snapshot.getLong("counts.credentials")).isZero();

        frankieOne(acme).delete("/v2/workflowDefinitions/kyc").then().statusCode(200);
        frankieOne(acme).get("/v2/workflowDefinitions/kyc").then().statusCode(404);
        frankieOne(other).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);

        admin().post(SNAPSHOTS + "/" + snapshot.getString("id") + "/restore").then().statusCode(200)
                .body("removed.workflows", equalTo(0)).body("restored.workflows", equalTo(1))
                .body("restored.versions", equalTo(2));

        assertThat(frankieOne(acme).get("/v2/workflowDefinitions/kyc").then().statusCode(200)
                .extract().jsonPath().getString("workflowDefinition")).isEqualTo(before);
        // The counter came back too: the next publish is version 3, as if nothing had been deleted.
        frankieOne(acme).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(3));
        // The other tenant's definition, made after the snapshot, is still there.
        frankieOne(other).get("/v2/workflowDefinitions/kyc").then().statusCode(200);
    }

    @Test
    void aSecMasterRestoreBringsBackADeletedVersionByItsId() {
        JsonPath project = tenant("secmaster");
        Map<String, String> user = credential(project, "password");
        String token = Logins.secmaster(null, user.get("username"), user.get("secret"), project.getString("tenant"));
        String workflows = "/v1/" + project.getString("tenant") + "/workspaces/ws-1/soc/workflows";
        String workflow = secmaster(token).body(Map.of("name", "w", "engine_type", "public_engine", "aop_type", "NORMAL",
                "dataclass_id", "dc")).post(workflows).then().statusCode(200).extract().path("data.id");
        String version = secmaster(token).body(ProcessTenants.secmasterVersionBody())
                .post(workflows + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id");
        String read = secmaster(token).get(workflows + "/versions/" + version).then().statusCode(200).extract().asString();
        String id = snapshot(Map.of("dialect", "secmaster", "tenant", project.getString("tenant"))).getString("id");

        secmaster(token).delete(workflows + "/versions/" + version).then().statusCode(200);
        secmaster(token).get(workflows + "/versions/" + version).then().statusCode(400);
        admin().post(SNAPSHOTS + "/" + id + "/restore").then().statusCode(200).body("restored.versions", equalTo(1));

        assertThat(new JsonPath(secmaster(token).get(workflows + "/versions/" + version).then().statusCode(200)
                .extract().asString()).getString("data")).isEqualTo(new JsonPath(read).getString("data"));
    }

    @Test
    void aPatchworksRestoreBringsBackAFlowWithItsVersionsAndSchedules() {
        JsonPath company = tenant("patchworks");
        String key = credential(company, "api_key").get("secret");
        long flow = patchworks(key).body(Map.of("name", "Orders")).post("/api/v1/flows").then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        long version = patchworks(key).post("/api/v1/flows/{flow}/versions", flow).then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        patchworks(key).body(Map.of("cron_string", "0 2 * * MON-FRI")).post("/api/v1/flow-versions/{v}/schedules", version)
                .then().statusCode(201);
        String schedules = patchworks(key).get("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(200)
                .extract().asString();
        JsonPath snapshot = snapshot(Map.of("dialect", "patchworks", "tenant", company.getString("tenant")));
        assertThat(snapshot.getLong("counts.schedules")).isEqualTo(1);

        patchworks(key).delete("/api/v1/flows/{flow}", flow).then().statusCode(200);
        patchworks(key).get("/api/v1/flows/{flow}", flow).then().statusCode(404);
        admin().post(SNAPSHOTS + "/" + snapshot.getString("id") + "/restore").then().statusCode(200)
                .body("restored.schedules", equalTo(1));

        patchworks(key).get("/api/v1/flows/{flow}/versions/{version}", flow, version).then().statusCode(200)
                .body("data.status", equalTo("Draft"));
        assertThat(patchworks(key).get("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(200)
                .extract().asString()).isEqualTo(schedules);
    }

    @Test
    void aFortanixRestoreBringsBackADeletedFinalVersion() {
        JsonPath account = tenant("fortanix");
        Map<String, String> user = credential(account, "password");
        String token = Logins.fortanix(null, user.get("username"), user.get("secret"));
        String graph = fortanix(token).body(Map.of("name", "approve", "description", "d",
                "contents", ProcessTenants.graphContents("cfg1"))).post("/v1/workflows/final/graphs").then().statusCode(200)
                .extract().path("graph_id");
        fortanix(token).body(ProcessTenants.graphContents("cfg2")).post("/v1/workflows/final/graphs/" + graph)
                .then().statusCode(200);
        String path = "/v1/workflows/final/graphs/" + graph + "/2";
        String read = fortanix(token).get(path).then().statusCode(200).extract().asString();
        String id = snapshot(Map.of("dialect", "fortanix", "tenant", account.getString("tenant"))).getString("id");

        fortanix(token).delete(path).then().statusCode(204);
        fortanix(token).get(path).then().statusCode(404);
        admin().post(SNAPSHOTS + "/" + id + "/restore").then().statusCode(200).body("restored.versions", equalTo(2));

        assertThat(fortanix(token).get(path).then().statusCode(200).extract().asString()).isEqualTo(read);
    }

    @Test
    void withCredentialsARemovedTenantComesBackAndCallsAgain() {
        JsonPath customer = tenant("frankieone");
        frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/kyc").then().statusCode(200);
        JsonPath snapshot = snapshot(Map.of("dialect", "frankieone", "tenant", customer.getString("tenant"), "credentials", true));
        assertThat(snapshot.getLong("counts.credentials")).isEqualTo(1);

        admin().delete("/admin/v1/tenants/frankieone/" + customer.getString("tenant")).then().statusCode(200);
        given().filter(SpecValidation.responsesOnly("frankieone.yaml")).header("api_key", customer.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", customer.getString("tenant")).get("/v2/workflowDefinitions").then().statusCode(401);
        admin().post(SNAPSHOTS + "/" + snapshot.getString("id") + "/restore").then().statusCode(200)
                .body("restored.credentials", equalTo(1));

        frankieOne(customer).get("/v2/workflowDefinitions/kyc").then().statusCode(200);
    }

    @Test
    void aWholeStoreRestorePutsTheIdsBackToo() {
        JsonPath customer = tenant("frankieone");
        String id = snapshot(Map.of()).getString("id");
        frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/after").then().statusCode(200);
        long made = Sql.count("select max(id) from workflow");

        admin().post(SNAPSHOTS + "/" + id + "/restore").then().statusCode(200).body("removed.workflows", notNullValue());

        assertThat(Sql.count("select count(*) from workflow where tenant = ?", customer.getString("tenant"))).isZero();
        frankieOne(customer).body(DEFINITION).put("/v2/workflowDefinitions/after").then().statusCode(200);
        assertThat(Sql.count("select max(id) from workflow")).isEqualTo(made);
    }

    @Test
    void snapshotsAreListedAndDeletedAndADeletedOneCannotBeRestored() {
        String id = snapshot(Map.of("dialect", "patchworks", "tenant", "999999999")).getString("id");
        List<String> ids = admin().get(SNAPSHOTS).then().statusCode(200).extract().path("items.id");
        assertThat(ids).contains(id);

        admin().delete(SNAPSHOTS + "/" + id).then().statusCode(204);
        problem(admin().post(SNAPSHOTS + "/" + id + "/restore"), 404);
        problem(admin().delete(SNAPSHOTS + "/" + id), 404);
        assertThat(Sql.count("select count(*) from snapshot_workflow where snapshot_id = ?::uuid", id)).isZero();
    }

    @Test
    void everyColumnOfACoveredTableHasItsPlaceInTheSnapshotTable() {
        for (String table : List.of("workflow", "workflow_version", "version_schedule", "version_upload", "version_metric",
                "credential")) {
            assertThat(columns("snapshot_" + table)).as(table).isEqualTo(columns(table) + ",snapshot_id");
        }
    }

    private static String columns(String table) {
        return (String) Sql.rows("select string_agg(column_name, ',' order by ordinal_position) as names"
                + " from information_schema.columns where table_schema = current_schema() and table_name = ?", table)
                .get(0).get("names");
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        long before = Sql.count("select count(*) from snapshot");

        problem(raw("{\"dialect\": \"frankieone\"}"), 400).body("errors[0].field", equalTo("tenant"));
        problem(raw("{\"tenant\": \"acme\"}"), 400).body("errors[0].field", equalTo("dialect"));
        problem(raw("{\"dialect\": \"vmware\", \"tenant\": \"acme\"}"), 400).body("errors[0].field", equalTo("dialect"));
        problem(raw("{\"credentials\": \"yes\"}"), 400);
        problem(raw("{\"dialect\": "), 400);
        problem(admin().post(SNAPSHOTS + "/" + UUID.randomUUID() + "/restore"), 404);
        problem(given().filter(SpecValidation.responsesOnly("admin.yaml")).contentType(ContentType.JSON).body("{}")
                .post(SNAPSHOTS), 401);

        assertThat(Sql.count("select count(*) from snapshot")).isEqualTo(before);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static JsonPath snapshot(Map<String, ?> request) {
        return new JsonPath(admin().body(request).post(SNAPSHOTS).then().statusCode(201)
                .body("id", notNullValue()).body("created_at", notNullValue()).extract().asString());
    }

    private static JsonPath tenant(String dialect) {
        return new JsonPath(admin().body(Map.of("dialect", dialect)).post("/admin/v1/tenants").then().statusCode(201)
                .extract().asString());
    }

    private static Map<String, String> credential(JsonPath tenant, String type) {
        List<Map<String, String>> all = tenant.getList("credentials");
        return all.stream().filter(c -> type.equals(c.get("type"))).findFirst().orElseThrow();
    }

    private static RequestSpecification frankieOne(JsonPath customer) {
        return given().filter(SpecValidation.strict("frankieone.yaml"))
                .header("api_key", customer.getString("credentials[0].secret"))
                .header("X-Frankie-CustomerID", customer.getString("tenant")).contentType(ContentType.JSON);
    }

    private static RequestSpecification secmaster(String token) {
        return given().filter(SpecValidation.strict("huawei-secmaster.yaml")).header("X-Auth-Token", token)
                .contentType("application/json;charset=UTF-8");
    }

    private static RequestSpecification patchworks(String key) {
        return given().filter(SpecValidation.strict("patchworks.yaml")).header("Authorization", key)
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification fortanix(String token) {
        return given().filter(SpecValidation.strict("fortanix-ccm.yaml")).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    private static Response raw(String body) {
        return given().filter(SpecValidation.responsesOnly("admin.yaml")).header("Authorization", "Bearer test-admin-token")
                .contentType(ContentType.JSON).body(body).post(SNAPSHOTS);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue());
    }
}
