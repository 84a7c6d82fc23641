package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static io.workflowversions.dialect.secmaster.SecmasterApi.wrongly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes of every kind are answered with the business error 400 SecMaster.20040625 (20040624 for a
 * taskflow that is not Base64 of JSON), never 5xx, and nothing is written.
 */
@QuarkusTest
class SecmasterBadInputTest {

    private static final String SEED_TASKFLOW_FIELD = "\"taskflow\" : \"";

    @Test
    void badWorkflowBodiesAreRefusedAndNothingIsWritten() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        List<String> bodies = List.of(
                "",
                "{",
                "not json",
                "[]",
                "null",
                "42",
                "{\"name\": \"x\"}",
                "{\"name\": 123, \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"engine_type\": \"private_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"engine_type\": \"public_engine\", \"aop_type\": \"HANDLE\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\", \"labels\": [\"IP\"]}",
                "{\"name\": \"x\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\", \"labels\": \"HOST\"}",
                "{\"name\": null, \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": {\"id\": 1}}",
                "{\"name\": \"" + "n".repeat(256) + "\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"description\": \"" + "d".repeat(1025) + "\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"nul\\u0000byte\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": \"d\"}",
                "{\"name\": \"x\", \"name\": \"y\", \"engine_type\": \"public_engine\", \"aop_type\": \"NORMAL\", \"dataclass_id\": 7}");
        for (String body : bodies) {
            invalid(wrongly(tenant).body(body).post(tenant.workflows()), ErrorCodes.INVALID_REQUEST, body);
        }
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", tenant.project())).isZero();
    }

    @Test
    void badVersionBodiesAreRefusedAndNothingIsWritten() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "bad-versions");
        String path = tenant.workflows() + "/" + workflowId + "/versions";
        String seed = SecmasterApi.seedRequest();
        Map<String, String> corpus = Map.ofEntries(
                Map.entry("{}", ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace("\"taskflow_type\" : \"JSON\"", "\"taskflow_type\" : \"XML\""), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace("\"aop_type\" : \"NORMAL\"", "\"aop_type\" : \"normal\""), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace("\"name\" : \"Test_aop\"", "\"name\" : false"), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace("\"input\" : \"\"", "\"input\" : {}"), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace("\"taskconfig\" : \"{", "\"taskconfig\" : 1, \"x\" : \"{"), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.substring(0, seed.length() / 2), ErrorCodes.INVALID_REQUEST),
                Map.entry(seed.replace(SEED_TASKFLOW_FIELD, SEED_TASKFLOW_FIELD + "!"), ErrorCodes.INVALID_TASKFLOW),
                Map.entry(seed.replace("fV19XX1dfX0=\"", "fV19XX1dfX0\""), ErrorCodes.INVALID_TASKFLOW),
                Map.entry(seed.replaceAll("\"taskflow\" : \"[^\"]+\"", "\"taskflow\" : \"PGJwbW4vPg==\""), ErrorCodes.INVALID_TASKFLOW),
                Map.entry(seed.replaceAll("\"taskflow\" : \"[^\"]+\"", "\"taskflow\" : \"\""), ErrorCodes.INVALID_TASKFLOW));
        corpus.forEach((body, code) -> invalid(wrongly(tenant).body(body).post(path), code, body));
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", workflowId)).isZero();
    }

    @Test
    void badUpdatesReviewsAndParametersAreRefusedAndChangeNothing() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "bad-updates");
        String versionId = SecmasterApi.createVersion(tenant, workflowId);
        String version = tenant.versions() + "/" + versionId;
        String before = Sql.rows("select row_to_json(v)::text as row from workflow_version v where public_id = ?",
                versionId).get(0).get("row").toString();

        invalid(wrongly(tenant).body("{\"status\": \"publishing\"}").put(version), ErrorCodes.INVALID_REQUEST, "publishing");
        invalid(wrongly(tenant).body("{\"status\": \"approved\"}").put(version), ErrorCodes.INVALID_REQUEST, "approved");
        invalid(wrongly(tenant).body("{\"status\": 1}").put(version), ErrorCodes.INVALID_REQUEST, "status 1");
        invalid(wrongly(tenant).body("{\"taskflow\": \"%%%\"}").put(version), ErrorCodes.INVALID_TASKFLOW, "taskflow");
        invalid(wrongly(tenant).body("{\"name\": [\"a\"]}").put(version), ErrorCodes.INVALID_REQUEST, "name array");
        invalid(wrongly(tenant).body("{\"result\": \"MAYBE\", \"content\": \"x\"}").post(version + "/approval"),
                ErrorCodes.INVALID_REQUEST, "result");
        invalid(wrongly(tenant).body("{\"result\": \"PASS\"}").post(version + "/approval"), ErrorCodes.INVALID_REQUEST, "content");
        invalid(wrongly(tenant).body("{\"enabled\": \"true\"}").put(tenant.workflows() + "/" + workflowId),
                ErrorCodes.INVALID_REQUEST, "enabled as text");
        invalid(wrongly(tenant).body("{\"mode\": \"DEEP\", \"taskconfig\": \"\", \"taskflow\": \"\", \"aopworkflow_id\": \"x\"}")
                .post(tenant.workflows() + "/validation"), ErrorCodes.INVALID_REQUEST, "mode");
        invalid(wrongly(tenant).contentType("text/plain").body("{\"name\": \"x\"}").put(version), ErrorCodes.INVALID_REQUEST, "text/plain");
        invalid(wrongly(tenant).contentType("application/xml").body("<name>x</name>").put(version), ErrorCodes.INVALID_REQUEST, "xml");

        for (Map.Entry<String, Object> parameter : List.of(Map.<String, Object>entry("offset", -1),
                Map.<String, Object>entry("offset", 10001), Map.<String, Object>entry("offset", "ten"),
                Map.<String, Object>entry("limit", 0), Map.<String, Object>entry("limit", 101),
                Map.<String, Object>entry("limit", "1.5"), Map.<String, Object>entry("order", "desc"),
                Map.<String, Object>entry("sortby", "name"), Map.<String, Object>entry("enabled", "yes"),
                Map.<String, Object>entry("aop_type", "HANDLE"))) {
            invalid(wrongly(tenant).queryParam(parameter.getKey(), parameter.getValue()).get(tenant.workflows()),
                    ErrorCodes.INVALID_REQUEST, parameter.toString());
        }
        invalid(wrongly(tenant).queryParam("status", "approved").get(tenant.workflows() + "/" + workflowId + "/versions"),
                ErrorCodes.INVALID_REQUEST, "status filter");
        invalid(wrongly(tenant).get("/v1/" + tenant.project() + "/workspaces/" + "w".repeat(65) + "/soc/workflows"),
                ErrorCodes.INVALID_REQUEST, "long workspace");
        invalid(wrongly(tenant).get("/v1/" + tenant.project() + "/workspaces/bad_workspace!/soc/workflows"),
                ErrorCodes.INVALID_REQUEST, "workspace characters");

        String after = Sql.rows("select row_to_json(v)::text as row from workflow_version v where public_id = ?",
                versionId).get(0).get("row").toString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void hostileTextIsStoredAndEchoedVerbatim() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String hostile = "Robert'); DROP TABLE workflow;-- <script>alert(1)</script> ${jndi:ldap://x} \u202e\uD83D\uDE00 \\\"";
        String workflowId = as(tenant).body(Map.of("name", hostile, "description", hostile, "engine_type", "public_engine",
                "aop_type", "EASE", "dataclass_id", hostile)).post(tenant.workflows())
                .then().statusCode(200).body("data.name", equalTo(hostile)).extract().path("data.id");
        as(tenant).get(tenant.workflows() + "/" + workflowId).then().statusCode(200)
                .body("data.description", equalTo(hostile)).body("data.dataclass_id", equalTo(hostile));
        assertThat(Sql.count("select count(*) from workflow where name = ?", hostile)).isEqualTo(1);
    }

    @Test
    void anOversizeBodyIs413InTheBusinessEnvelope() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "big");
        String huge = "{\"name\":\"big\",\"taskconfig\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";

        Response response = wrongly(tenant).body(huge).post(tenant.workflows() + "/" + workflowId + "/versions");

        response.then().statusCode(413).body("code", equalTo(ErrorCodes.INVALID_REQUEST)).body("success", equalTo(false));
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", workflowId)).isZero();
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheGatewayEnvelope() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        for (Response response : List.of(
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).get(tenant.workflows() + "/versions"),
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).get(tenant.workflows() + "/a/b/c/d"),
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).patch(tenant.workflows()))) {
            response.then().statusCode(404).contentType("application/json")
                    .body("error_code", equalTo(ErrorCodes.APIG_NO_API))
                    .header("X-request-id", equalTo(response.<String>path("request_id")));
        }
    }

    private static void invalid(Response response, String code, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(400);
        assertThat(response.<String>path("code")).as(what).isEqualTo(code);
        assertThat(response.<Boolean>path("success")).as(what).isFalse();
        assertThat(response.<String>path("request_id")).as(what).isEqualTo(response.header("X-request-id"));
    }
}
