package io.workflowversions.dialect.patchworks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow version lifecycle over real HTTP and PostgreSQL; every exchange checked against openapi/patchworks.yaml. */
@QuarkusTest
class PatchworksLifecycleTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Test
    void theFullLifecycle() {
        PatchworksCompany company = new PatchworksCompany();

        // A flow starts without versions; its first version is a Draft.
        long flow = company.key().body(Map.of("name", "Orders to ERP", "description", "nightly sync"))
                .post("/api/v1/flows").then().statusCode(201)
                .body("data.name", equalTo("Orders to ERP"))
                .body("data.description", equalTo("nightly sync"))
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .extract().jsonPath().getLong("data.id");
        long first = company.key().post("/api/v1/flows/{flow}/versions", flow).then().statusCode(201)
                .body("data.flow_id", equalTo((int) flow))
                .body("data.iteration", equalTo(1))
                .body("data.status", equalTo("Draft"))
                .body("data.deployed_at", nullValue())
                .extract().jsonPath().getLong("data.id");

        // A second POST is refused: a flow with versions grows by copying.
        company.key().post("/api/v1/flows/{flow}/versions", flow).then().statusCode(422)
                .body("message", equalTo("The flow already has versions; copy a version instead."))
                .body("errors.flow[0]", equalTo("The flow already has versions; copy a version instead."));

        // Deploy the draft.
        company.deploy(flow, first, "2025-01-31T10:15:00+01:00").then().statusCode(200)
                .body("data.status", equalTo("Deployed"))
                .body("data.deployed_at", equalTo("2025-01-31T09:15:00.000000Z"));

        // Copy to a new draft, with a schedule that comes along.
        company.key().body(Map.of("cron_string", "0 2 * * MON-FRI")).post("/api/v1/flow-versions/{v}/schedules", first)
                .then().statusCode(201);
        long second = company.key().post("/api/v1/flows/{flow}/versions/{version}/copy", flow, first).then().statusCode(201)
                .body("data.status", equalTo("Draft"))
                .body("data.iteration", equalTo(2))
                .extract().jsonPath().getLong("data.id");
        assertThat(second).isGreaterThan(first);
        company.key().get("/api/v1/flow-versions/{v}/schedules", second).then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].cron_string", equalTo("0 2 * * MON-FRI"))
                .body("data[0].deployed_at", nullValue());

        // Deploying the new one makes the old one Inactive.
        company.deploy(flow, second, "2025-02-01T00:00:00Z").then().statusCode(200).body("data.status", equalTo("Deployed"));
        company.key().get("/api/v1/flows/{flow}/versions/{version}", flow, first).then().statusCode(200)
                .body("data.status", equalTo("Inactive"))
                .body("data.deployed_at", nullValue());

        // A third version, then the first (inactive) one is deleted: the iterations renumber, the ids stay.
        long third = company.copy(flow, second);
        company.key().delete("/api/v1/flows/{flow}/versions/{version}", flow, first).then().statusCode(200)
                .body("message", equalTo("Flow version deleted."));
        List<Map<String, Object>> versions = company.versions(flow);
        assertThat(versions).extracting(v -> ((Number) v.get("id")).longValue()).containsExactly(second, third);
        assertThat(versions).extracting(v -> v.get("iteration")).containsExactly(1, 2);
        assertThat(versions).extracting(v -> v.get("status")).containsExactly("Deployed", "Draft");
        assertThat(Sql.count("select count(*) from version_schedule s join workflow_version v on v.id = s.version_id"
                + " where v.public_id = ?", Long.toString(first))).isZero();

        // The deployed version cannot be deleted.
        company.key().delete("/api/v1/flows/{flow}/versions/{version}", flow, second).then().statusCode(422)
                .body("errors.version[0]", equalTo("The deployed version cannot be deleted."));

        // Upload: a valid API key and a manager's token are not enough; an admin's token is.
        company.key().post("/api/v1/flow-versions/{v}/upload", second).then().statusCode(403)
                .body("message", equalTo("This action is unauthorized."));
        company.managerBearer().post("/api/v1/flow-versions/{v}/upload", second).then().statusCode(403);
        company.adminBearer().body(Map.of("private", false)).post("/api/v1/flow-versions/{v}/upload", second)
                .then().statusCode(200)
                .body("data.flow_version_id", equalTo((int) second))
                .body("data.private", equalTo(false))
                .body("data.uploaded_at", matchesPattern(TIMESTAMP));
        company.adminBearer().post("/api/v1/flow-versions/{v}/upload", second).then().statusCode(200)
                .body("data.private", equalTo(true));
        company.adminBearer().post("/api/v1/flow-versions/{v}/upload", third).then().statusCode(422)
                .body("errors.flow_version[0]", equalTo("Only deployed versions can be uploaded."));
        assertThat(Sql.count("select count(*) from version_upload u join workflow_version v on v.id = u.version_id"
                + " where v.public_id = ?", Long.toString(second))).isEqualTo(2);

        // Un-deploy with an explicit null; a body without deployed_at changes nothing.
        company.key().body("{}").put("/api/v1/flows/{flow}/versions/{version}", flow, second).then().statusCode(200)
                .body("data.status", equalTo("Deployed"));
        company.key().body("{\"deployed_at\":null}").put("/api/v1/flows/{flow}/versions/{version}", flow, second)
                .then().statusCode(200)
                .body("data.status", equalTo("Inactive"))
                .body("data.deployed_at", nullValue());
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and v.state = 'Deployed'", Long.toString(flow))).isZero();

        // Deleting the flow takes everything with it.
        company.key().delete("/api/v1/flows/{flow}", flow).then().statusCode(200).body("message", equalTo("Flow deleted."));
        company.key().get("/api/v1/flows/{flow}", flow).then().statusCode(404).body("message", equalTo("Not Found"));
        assertThat(Sql.count("select count(*) from workflow_version where public_id in (?, ?)", Long.toString(second),
                Long.toString(third))).isZero();
        assertThat(Sql.count("select count(*) from version_upload u where not exists"
                + " (select 1 from workflow_version v where v.id = u.version_id)")).isZero();
    }

    @Test
    void redeployingAnInactiveVersionAndMovingTheDeployTime() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("redeploy");
        long[] ids = company.flowWithDeployedHistory(flow, 3);

        company.deploy(flow, ids[0], "2025-03-01T00:00:00Z").then().statusCode(200)
                .body("data.status", equalTo("Deployed")).body("data.iteration", equalTo(1));
        company.deploy(flow, ids[0], "2025-04-01T12:00:00.5Z").then().statusCode(200)
                .body("data.deployed_at", equalTo("2025-04-01T12:00:00.500000Z"));
        assertThat(company.versions(flow)).extracting(v -> v.get("status"))
                .containsExactly("Deployed", "Inactive", "Inactive");
        // null on an Inactive version changes nothing.
        company.key().body("{\"deployed_at\":null}").put("/api/v1/flows/{flow}/versions/{version}", flow, ids[1])
                .then().statusCode(200).body("data.status", equalTo("Inactive"));
        // A Draft cannot be copied.
        long draft = company.copy(flow, ids[2]);
        company.key().post("/api/v1/flows/{flow}/versions/{version}/copy", flow, draft).then().statusCode(422)
                .body("errors.version[0]", equalTo("Only deployed or inactive versions can be copied."));
        // Copying again replaces the draft: a new id, still one Draft.
        long replaced = company.copy(flow, ids[0]);
        assertThat(replaced).isNotEqualTo(draft);
        company.key().get("/api/v1/flows/{flow}/versions/{version}", flow, draft).then().statusCode(404);
        assertThat(company.versions(flow)).extracting(v -> v.get("status"))
                .containsExactly("Deployed", "Inactive", "Inactive", "Draft");
    }

    @Test
    void invalidDeployTimesAre422AndChangeNothing() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("dates");
        long draft = company.createDraft(flow);
        for (String body : List.of("{\"deployed_at\":\"yesterday\"}", "{\"deployed_at\":12}", "{\"deployed_at\":true}",
                "{\"deployed_at\":\"2025-13-01T00:00:00Z\"}", "{\"deployed_at\":{}}")) {
            company.keyLoose().contentType(ContentType.JSON).body(body)
                    .put("/api/v1/flows/{flow}/versions/{version}", flow, draft).then().statusCode(422)
                    .body("message", equalTo("The deployed at field must be a valid date."))
                    .body("errors.deployed_at[0]", equalTo("The deployed at field must be a valid date."));
        }
        assertThat(Sql.rows("select state from workflow_version where public_id = ?", Long.toString(draft)).get(0).get("state"))
                .isEqualTo("Draft");
    }

    @Test
    void loginAndAuthentication() {
        PatchworksCompany company = new PatchworksCompany();
        given().filter(SpecValidation.strict(PatchworksCompany.SPEC)).contentType(ContentType.JSON)
                .body(Map.of("username", company.adminUser, "password", PatchworksCompany.PASSWORD))
                .post("/fabric/api/login").then().statusCode(200)
                .body("message", equalTo("You have successfully logged in."))
                .body("expires_in", equalTo(86400))
                .body("token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
        given().filter(SpecValidation.strict(PatchworksCompany.SPEC)).contentType(ContentType.JSON)
                .body(Map.of("username", company.adminUser, "password", "wrong-password"))
                .post("/fabric/api/login").then().statusCode(401).body("message", equalTo("Invalid credentials."));
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).contentType(ContentType.JSON)
                .body(Map.of("username", company.adminUser))
                .post("/fabric/api/login").then().statusCode(422)
                .body("message", equalTo("The password field is required."))
                .body("errors.password[0]", equalTo("The password field is required."));
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).contentType(ContentType.JSON).body("{}")
                .post("/fabric/api/login").then().statusCode(422)
                .body("message", equalTo("The password field is required. (and 1 more error)"))
                .body("errors.username[0]", equalTo("The username field is required."));

        for (String authorization : List.of("", "nope", "Bearer nope", "Bearer " + company.apiKey, company.apiKey + "x")) {
            given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", authorization)
                    .get("/api/v1/flows").then().statusCode(401).body("message", equalTo("Unauthenticated."));
        }
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).get("/api/v1/flows").then().statusCode(401)
                .body("message", equalTo("Unauthenticated."));
        String token = company.adminToken();
        company.adminBearer().get("/api/v1/flows").then().statusCode(200);

        // A deleted user's token stops working at once.
        String id = PatchworksCompany.admin().queryParam("dialect", "patchworks").queryParam("tenant", company.id)
                .get("/admin/v1/credentials").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.username == '" + company.adminUser + "' }.id");
        PatchworksCompany.admin().delete("/admin/v1/credentials/" + id).then().statusCode(204);
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", "Bearer " + token)
                .get("/api/v1/flows").then().statusCode(401).body("message", equalTo("Unauthenticated."));
    }

    @Test
    void companiesAreIsolated() {
        PatchworksCompany mine = new PatchworksCompany();
        PatchworksCompany theirs = new PatchworksCompany();
        long flow = theirs.createFlow("theirs");
        long[] ids = theirs.flowWithDeployedHistory(flow, 2);
        theirs.key().body(Map.of("cron_string", "* * * * *")).post("/api/v1/flow-versions/{v}/schedules", ids[1])
                .then().statusCode(201);

        mine.key().get("/api/v1/flows/{flow}", flow).then().statusCode(404).body("message", equalTo("Not Found"));
        mine.key().get("/api/v1/flows/{flow}/versions", flow).then().statusCode(404);
        mine.key().get("/api/v1/flows/{flow}/versions/{v}", flow, ids[0]).then().statusCode(404);
        mine.key().body(Map.of("deployed_at", "2025-01-01T00:00:00Z"))
                .put("/api/v1/flows/{flow}/versions/{v}", flow, ids[0]).then().statusCode(404);
        mine.key().delete("/api/v1/flows/{flow}/versions/{v}", flow, ids[0]).then().statusCode(404);
        mine.key().post("/api/v1/flows/{flow}/versions/{v}/copy", flow, ids[0]).then().statusCode(404);
        mine.key().delete("/api/v1/flows/{flow}", flow).then().statusCode(404);
        mine.adminBearer().post("/api/v1/flow-versions/{v}/upload", ids[1]).then().statusCode(404);
        mine.key().get("/api/v1/flow-versions/{v}/schedules", ids[1]).then().statusCode(404);
        mine.key().body(Map.of("cron_string", "* * * * *")).post("/api/v1/flow-versions/{v}/schedules", ids[1])
                .then().statusCode(404);
        mine.key().get("/api/v1/flows/{flow}/version-metrics", flow).then().statusCode(404);
        mine.key().get("/api/v1/flows").then().statusCode(200).body("data", hasSize(0)).body("meta.total", equalTo(0));

        // A version in the path of another flow of the same company is not found either.
        long other = theirs.createFlow("other");
        theirs.key().get("/api/v1/flows/{flow}/versions/{v}", other, ids[0]).then().statusCode(404);

        assertThat(theirs.versions(flow)).extracting(v -> v.get("status")).containsExactly("Inactive", "Deployed");
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", mine.id)).isZero();
    }
}
