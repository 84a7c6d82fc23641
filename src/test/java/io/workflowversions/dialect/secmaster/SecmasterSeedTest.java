package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vendor's own example of "Creating a Workflow Version" sent as it is: the answer must be the vendor's answer. */
@QuarkusTest
class SecmasterSeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values that differ by nature: ids, times, the caller, the path's project and workspace, the request id. */
    private static final Set<String> VARIABLE = Set.of("id", "version_id", "aopworkflow_id", "create_time", "update_time",
            "creator_id", "creator_name", "project_id", "workspace_id");

    @Test
    void theVendorExampleRoundTrips() throws Exception {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "seed");

        Response response = as(tenant).body(SecmasterApi.seedRequest())
                .post(tenant.workflows() + "/" + workflowId + "/versions");

        response.then().statusCode(200);
        JsonNode expected = JSON.readTree(SecmasterApi.resource("create-workflow-version-response.json"));
        JsonNode actual = JSON.readTree(response.asString());

        assertThat(names(actual)).containsExactlyInAnyOrderElementsOf(names(expected));
        assertThat(names(actual.get("data"))).containsExactlyInAnyOrderElementsOf(names(expected.get("data")));
        for (String field : List.of("code", "message", "success")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(actual.get("request_id").asText()).isNotBlank().isEqualTo(response.header("X-request-id"));
        expected.get("data").fieldNames().forEachRemaining(field -> {
            JsonNode want = expected.get("data").get(field);
            JsonNode got = actual.get("data").get(field);
            assertThat(got.getNodeType()).as("type of " + field).isEqualTo(want.getNodeType());
            if (!VARIABLE.contains(field)) {
                assertThat(got).as(field).isEqualTo(want);
            }
        });

        JsonNode data = actual.get("data");
        assertThat(data.has("enabled")).isTrue();
        assertThat(data.get("enabled").isNull()).isTrue();
        assertThat(data.get("version_id")).isEqualTo(data.get("id"));
        assertThat(data.get("aopworkflow_id").asText()).isEqualTo(workflowId);
        assertThat(data.get("project_id").asText()).isEqualTo(tenant.project());
        assertThat(data.get("workspace_id").asText()).isEqualTo(tenant.workspace());
        assertThat(data.get("creator_name").asText()).isEqualTo(tenant.user());
        assertThat(data.get("creator_id").asText()).isEqualTo(tenant.credentialId().replace("-", "")).hasSize(32);
        assertThat(data.get("create_time").asText())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\+0000")
                .isEqualTo(data.get("update_time").asText());

        List<Map<String, Object>> rows = Sql.rows("select state, exclusive_state, label, content->>'taskflow' as taskflow,"
                + " content->>'taskconfig' as taskconfig from workflow_version where public_id = ?", data.get("id").asText());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("state")).isEqualTo("pending_submit");
        assertThat(rows.get(0).get("exclusive_state")).isNull();
        assertThat(rows.get(0).get("label")).isNull();
        assertThat(rows.get(0).get("taskflow")).isEqualTo(expected.get("data").get("taskflow").asText());
        assertThat(rows.get(0).get("taskconfig")).isEqualTo(expected.get("data").get("taskconfig").asText());

        // What was stored reads back the same.
        JsonNode shown = JSON.readTree(as(tenant).get(tenant.versions() + "/" + data.get("id").asText()).then()
                .statusCode(200).extract().asString()).get("data");
        assertThat(shown).isEqualTo(data);
    }

    @Test
    void statusCannotBeSetOnCreate() throws Exception {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "no-status");
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(SecmasterApi.seedRequest());
        body.put("status", "activated");
        body.remove("description");

        SecmasterApi.wrongly(tenant).body(body.toString()).post(tenant.workflows() + "/" + workflowId + "/versions")
                .then().statusCode(200)
                .body("data.status", org.hamcrest.Matchers.equalTo("pending_submit"))
                .body("data.description", org.hamcrest.Matchers.equalTo(""));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
