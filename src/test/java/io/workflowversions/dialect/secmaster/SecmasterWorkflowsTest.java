package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static io.workflowversions.dialect.secmaster.SecmasterApi.review;
import static io.workflowversions.dialect.secmaster.SecmasterApi.setStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** W1-W5, the version list, topology validation (V7), and tenant isolation. */
@QuarkusTest
class SecmasterWorkflowsTest {

    @Test
    void aNewWorkflowHasEmptyBookkeepingAndReadsBack() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        Response created = as(tenant).body(SecmasterApi.workflowBody("fresh")).post(tenant.workflows());

        created.then().statusCode(200)
                .header("X-request-id", equalTo(created.<String>path("request_id")))
                .body("code", equalTo("00000000")).body("message", equalTo("")).body("success", equalTo(true))
                .body("data.name", equalTo("fresh"))
                .body("data.enabled", equalTo(false))
                .body("data.version_id", equalTo("")).body("data.version", equalTo(""))
                .body("data.current_approval_version_id", equalTo(""))
                .body("data.current_rejected_version_id", equalTo(""))
                .body("data.current_rejected_versoin_id", equalTo(""))
                .body("data.labels", equalTo("IP"))
                .body("data.engine_type", equalTo("public_engine"))
                .body("data.dataclass_id", equalTo("dc-fresh"))
                .body("data.dataclass_name", equalTo(""))
                .body("data.project_id", equalTo(tenant.project()))
                .body("data.workspace_id", equalTo(tenant.workspace()));
        String id = created.path("data.id");
        assertThat(SecmasterApi.workflow(tenant, id)).isEqualTo(created.path("data"));
        assertThat(Sql.count("select count(*) from workflow where dialect = 'secmaster' and tenant = ? and sub_tenant = ?"
                + " and external_key = ?", tenant.project(), tenant.workspace(), id)).isEqualTo(1);
    }

    @Test
    void theListPagesFiltersAndSorts() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        for (int i = 0; i < 12; i++) {
            SecmasterApi.createWorkflow(tenant, "flow-" + (char) ('a' + i));
        }
        as(tenant).body(Map.of("name", "Alpha Containment", "engine_type", "public_engine", "aop_type", "HEMOSTASIS",
                "dataclass_id", "dc-x")).post(tenant.workflows()).then().statusCode(200);

        as(tenant).get(tenant.workflows()).then().statusCode(200)
                .body("total", equalTo(13)).body("offset", equalTo(0)).body("limit", equalTo(10))
                .body("size", equalTo(10)).body("page", equalTo(2))
                .body("data[0].name", equalTo("Alpha Containment"));
        as(tenant).queryParam("offset", 10).queryParam("limit", 10).queryParam("order", "ASC").get(tenant.workflows())
                .then().statusCode(200).body("size", equalTo(3))
                .body("data.name", contains("flow-k", "flow-l", "Alpha Containment"));
        as(tenant).queryParam("name", "CONTAIN").get(tenant.workflows()).then()
                .body("total", equalTo(1)).body("data[0].aop_type", equalTo("HEMOSTASIS"));
        as(tenant).queryParam("aop_type", "HEMOSTASIS").queryParam("dataclass_id", "dc-x").get(tenant.workflows()).then()
                .body("total", equalTo(1));
        as(tenant).queryParam("description", "workflow flow-c").get(tenant.workflows()).then()
                .body("total", equalTo(1)).body("data[0].name", equalTo("flow-c"));
        as(tenant).queryParam("enabled", true).get(tenant.workflows()).then().body("total", equalTo(0))
                .body("page", equalTo(1)).body("data", hasSize(0));
        as(tenant).queryParam("sortby", "update_time").queryParam("limit", 1).queryParam("last_version", true)
                .get(tenant.workflows()).then().statusCode(200).body("size", equalTo(1));
        // Filters are literal text, not patterns.
        as(tenant).queryParam("name", "%").get(tenant.workflows()).then().body("total", equalTo(0));
        as(tenant).queryParam("name", "' or '1'='1").get(tenant.workflows()).then().body("total", equalTo(0));
    }

    @Test
    void enablingNeedsTheActivatedVersion() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "enable");
        String v1 = SecmasterApi.createVersion(tenant, workflowId);
        String path = tenant.workflows() + "/" + workflowId;

        enableFails(tenant, path, Map.of("enabled", true));
        enableFails(tenant, path, Map.of("enabled", true, "version_id", v1));
        setStatus(tenant, v1, "pending_approval").then().statusCode(200);
        review(tenant, v1, "PASS").then().statusCode(200);
        enableFails(tenant, path, Map.of("enabled", true, "version_id", v1));
        setStatus(tenant, v1, "activated").then().statusCode(200);
        enableFails(tenant, path, Map.of("enabled", true, "version_id", "another"));

        as(tenant).body(Map.of("enabled", true, "version_id", v1, "name", "renamed", "labels", "DOMAIN")).put(path)
                .then().statusCode(200)
                .body("data.enabled", equalTo(true)).body("data.version_id", equalTo(v1))
                .body("data.version", equalTo("V1")).body("data.name", equalTo("renamed"))
                .body("data.labels", equalTo("DOMAIN")).body("data.modifier_name", equalTo(tenant.user()));
        as(tenant).queryParam("enabled", true).get(tenant.workflows()).then().body("total", equalTo(1));

        // Deleting: refused while enabled; after disabling, the workflow goes with its versions.
        as(tenant).delete(path).then().statusCode(400).body("code", equalTo(ErrorCodes.ILLEGAL_TRANSITION));
        as(tenant).body(Map.of("enabled", false)).put(path).then().statusCode(200).body("data.enabled", equalTo(false));
        as(tenant).delete(path).then().statusCode(200).body("data.id", equalTo(workflowId));
        assertThat(Sql.count("select count(*) from workflow where external_key = ?", workflowId)).isZero();
        assertThat(Sql.count("select count(*) from workflow_version where public_id = ?", v1)).isZero();
        as(tenant).get(path).then().statusCode(400).body("code", equalTo(ErrorCodes.WORKFLOW_NOT_FOUND));
    }

    @Test
    void versionsAreListedNewestFirstWithTheListFields() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "list");
        String v1 = SecmasterApi.createVersion(tenant, workflowId);
        String v2 = SecmasterApi.createVersion(tenant, workflowId);
        String v3 = SecmasterApi.createVersion(tenant, workflowId);
        setStatus(tenant, v2, "pending_approval").then().statusCode(200);
        String path = tenant.workflows() + "/" + workflowId + "/versions";

        as(tenant).get(path).then().statusCode(200)
                .body("total", equalTo(3)).body("offset", equalTo(0)).body("limit", equalTo(3))
                .body("size", equalTo(3)).body("page", equalTo(1))
                .body("data.id", contains(v3, v2, v1))
                .body("data.aopworkflow_id", contains(workflowId, workflowId, workflowId));
        as(tenant).queryParam("status", "pending_approval").get(path).then().body("data.id", contains(v2));
        as(tenant).queryParam("status", "publishing").get(path).then().body("total", equalTo(0)).body("data", hasSize(0));
    }

    @Test
    void anotherTenantsIdsAreNotFound() {
        SecmasterApi.Tenant owner = SecmasterApi.newTenant();
        SecmasterApi.Tenant stranger = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(owner, "private");
        String versionId = SecmasterApi.createVersion(owner, workflowId);

        for (SecmasterApi.Tenant other : List.of(stranger, owner.inWorkspace("another-workspace"))) {
            String flow = other.workflows() + "/" + workflowId;
            String version = other.versions() + "/" + versionId;
            businessError(as(other).get(flow), ErrorCodes.WORKFLOW_NOT_FOUND);
            businessError(as(other).body(Map.of("name", "x")).put(flow), ErrorCodes.WORKFLOW_NOT_FOUND);
            businessError(as(other).delete(flow), ErrorCodes.WORKFLOW_NOT_FOUND);
            businessError(as(other).get(flow + "/versions"), ErrorCodes.WORKFLOW_NOT_FOUND);
            businessError(as(other).body(SecmasterApi.seedRequest()).post(flow + "/versions"), ErrorCodes.WORKFLOW_NOT_FOUND);
            businessError(as(other).get(version), ErrorCodes.VERSION_NOT_FOUND);
            businessError(as(other).body(Map.of("status", "pending_approval")).put(version), ErrorCodes.VERSION_NOT_FOUND);
            businessError(as(other).delete(version), ErrorCodes.VERSION_NOT_FOUND);
            businessError(as(other).body(Map.of("result", "PASS", "content", "x")).post(version + "/approval"),
                    ErrorCodes.VERSION_NOT_FOUND);
            as(other).get(other.workflows()).then().statusCode(200).body("total", equalTo(0));
        }
        as(owner).get(owner.versions() + "/" + versionId).then().statusCode(200).body("data.status", equalTo("pending_submit"));
        assertThat(Sql.count("select count(*) from workflow where external_key = ? and name = 'private'", workflowId)).isEqualTo(1);
        businessError(as(owner).get(owner.workflows() + "/" + java.util.UUID.randomUUID()), ErrorCodes.WORKFLOW_NOT_FOUND);
        businessError(as(owner).get(owner.versions() + "/not-a-uuid"), ErrorCodes.VERSION_NOT_FOUND);
    }

    @Test
    void validationChecksTheBpmnTree() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String seedTaskflow = SecmasterApi.as(tenant).body(SecmasterApi.seedRequest())
                .post(tenant.workflows() + "/" + SecmasterApi.createWorkflow(tenant, "v7") + "/versions")
                .then().statusCode(200).extract().path("data.taskflow");
        String path = tenant.workflows() + "/validation";

        for (String mode : List.of("BASIC", "CIRCLE", "APP_PARAMS")) {
            as(tenant).body(validation(mode, seedTaskflow)).post(path).then().statusCode(200)
                    .body("success", equalTo(true)).body("data.result", equalTo(true)).body("data.detail", equalTo("")).body("data.errors", hasSize(0));
        }
        String decoded = new String(Base64.getDecoder().decode(seedTaskflow), StandardCharsets.UTF_8);
        String dangling = encode(decoded.replace("\"targetRef\":\"Event_1oda7tg\"", "\"targetRef\":\"Nowhere\""));
        as(tenant).body(validation("BASIC", dangling)).post(path).then().statusCode(200)
                .body("data.result", equalTo(false)).body("data.errors[0].check", equalTo("BASIC"))
                .body("data.errors[0].element_id", equalTo("Flow_14knmgn"))
                .body("data.detail", equalTo("BASIC Flow_14knmgn: targetRef 'Nowhere' names no flow node"));
        String noEnd = encode(decoded.replace("bpmn2:endEvent", "bpmn2:task"));
        as(tenant).body(validation("BASIC", noEnd)).post(path).then().statusCode(200)
                .body("data.result", equalTo(false)).body("data.errors.message", contains("the process has no bpmn2:endEvent"))
                .body("data.detail", equalTo("BASIC: the process has no bpmn2:endEvent"));
        String cycle = encode(decoded.replace(
                "{\"type\":\"element\",\"name\":\"bpmn2:sequenceFlow\"",
                "{\"type\":\"element\",\"name\":\"bpmn2:sequenceFlow\",\"attributes\":{\"id\":\"Back\",\"sourceRef\":\"Event_1oda7tg\",\"targetRef\":\"Event_06jvan5\"}},"
                        + "{\"type\":\"element\",\"name\":\"bpmn2:sequenceFlow\""));
        as(tenant).body(validation("BASIC", cycle)).post(path).then().statusCode(200).body("data.result", equalTo(true));
        as(tenant).body(validation("CIRCLE", cycle)).post(path).then().statusCode(200)
                .body("data.result", equalTo(false)).body("data.errors[0].check", equalTo("CIRCLE"));
        as(tenant).body(validation("BASIC", encode("{\"elementType\":\"{}\"}"))).post(path).then().statusCode(200)
                .body("data.result", equalTo(false)).body("data.detail", org.hamcrest.Matchers.not(equalTo("")));

        businessError(as(tenant).body(validation("BASIC", "not base64!")).post(path), ErrorCodes.INVALID_TASKFLOW);
        businessError(as(tenant).body(validation("BASIC", encode("<xml/>"))).post(path), ErrorCodes.INVALID_TASKFLOW);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Map<String, Object> validation(String mode, String taskflow) {
        return Map.of("mode", mode, "taskconfig", "{}", "taskflow", taskflow, "aopworkflow_id", "any");
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void enableFails(SecmasterApi.Tenant tenant, String path, Map<String, Object> body) {
        businessError(as(tenant).body(body).put(path), ErrorCodes.ENABLE_NEEDS_ACTIVATED);
    }

    static void businessError(Response response, String code) {
        response.then().statusCode(400)
                .body("code", equalTo(code))
                .body("success", equalTo(false))
                .header("X-request-id", equalTo(response.<String>path("request_id")));
    }
}
