package io.workflowversions.dialect.secmaster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The requests Huawei's own Terraform provider ({@code huaweicloud/terraform-provider-huaweicloud}, the SecMaster
 * workflow resources and data sources under {@code huaweicloud/services/secmaster/}) sends, replayed byte for byte
 * from its source, and what it accepts of each answer. Its HTTP client ({@code chnsz/golangsdk},
 * {@code provider_client.go}) adds {@code Accept: application/json} and {@code User-Agent: terraform-provider-iac
 * golangsdk/2.0.0} to every request; Go's encoder writes bodies compact, with the keys of every map sorted and a
 * trailing newline. Success is 200/201/202 for writes ({@code defaultOkCodes}), 200/202/204 for deletes, 200 for
 * reads; a 404, or a 400 whose {@code code} the resource names, means "gone" ({@code
 * common.ConvertExpected400ErrInto404Err}). Every exchange is checked against the spec too.
 */
@QuarkusTest
class TerraformProviderReplayTest {

    private static final String USER_AGENT = "terraform-provider-iac golangsdk/2.0.0";
    /** {@code MoreHeaders} of the resources: the vendor's declared Content-Type, even on a bodiless GET or DELETE. */
    private static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final Set<Integer> WRITE_OK = Set.of(200, 201, 202);
    private static final Set<Integer> DELETE_OK = Set.of(200, 202, 204);
    private static final ObjectMapper GO_JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider's project, with an IAM token (the provider's token authentication). */
    private SecmasterApi.Tenant tenant;

    /** The workflow resource's whole life, then its versions', as {@code terraform apply} and {@code destroy} drive them. */
    @Test
    void theWorkflowAndVersionResourcesFromCreateToDestroy() {
        tenant = SecmasterApi.newTenant();
        String base = "/v1/" + tenant.project() + "/workspaces/" + tenant.workspace() + "/soc/workflows";
        JsonNode seed = tree(SecmasterApi.seedRequest());

        // resource_huaweicloud_secmaster_workflow.go, resourceWorkflowCreate: RemoveNil drops empty labels/description.
        Response created = write("POST", base, goBody(Map.of("name", "tf-workflow", "engine_type", "public_engine",
                "aop_type", "NORMAL", "dataclass_id", "dc-tf", "labels", "IP", "description", "managed by terraform")));
        String workflowId = text(created, "data.id");
        readWorkflow(base, workflowId);

        // resource_huaweicloud_secmaster_workflow_version.go, resourceWorkflowVersionCreate (no status on create).
        Map<String, Object> content = new TreeMap<>(Map.of("name", "tf-version", "taskflow", seed.get("taskflow").asText(),
                "taskconfig", seed.get("taskconfig").asText(), "taskflow_type", "JSON", "aop_type", "NORMAL",
                "description", "first"));
        String versionId = text(write("POST", base + "/" + workflowId + "/versions", goBody(content)), "data.id");
        readVersion(base, versionId, workflowId, "pending_submit");

        // resourceWorkflowVersionUpdate, PUT #1 (HasChangeExcept("status")): all six keys, no RemoveNil.
        content.put("description", "");
        content.put("name", "tf-version-edited");
        write("PUT", base + "/versions/" + versionId, goBody(content));
        JsonNode edited = readVersion(base, versionId, workflowId, "pending_submit");
        assertThat(edited.at("/data/name").asText()).isEqualTo("tf-version-edited");

        // PUT #2 (HasChange("status")): the same body plus status, in one request.
        content.put("taskconfig", "{\"trigger\":{\"submitted\":true}}");
        content.put("status", "pending_approval");
        write("PUT", base + "/versions/" + versionId, goBody(content));
        JsonNode submitted = readVersion(base, versionId, workflowId, "pending_approval");
        assertThat(submitted.at("/data/taskconfig").asText()).isEqualTo("{\"trigger\":{\"submitted\":true}}");
        assertThat(submitted.at("/data/version").asText()).isEqualTo("V1");

        // resource_huaweicloud_secmaster_workflow_version_approval.go: no RemoveNil, the answer is not read.
        write("POST", base + "/versions/" + versionId + "/approval", goBody(Map.of("content", "approved by terraform",
                "result", "PASS")));
        readVersion(base, versionId, workflowId, "not_activated");

        // PUT #2 again for status = "activated": the unchanged content rides along.
        content.put("status", "activated");
        write("PUT", base + "/versions/" + versionId, goBody(content));
        readVersion(base, versionId, workflowId, "activated");

        // resourceWorkflowUpdate: description and enabled always sent, version_id and labels when set.
        write("PUT", base + "/" + workflowId, goBody(Map.of("name", "tf-workflow", "description", "", "enabled", true,
                "version_id", versionId, "labels", "IP")));
        JsonNode workflow = readWorkflow(base, workflowId);
        assertThat(workflow.at("/data/enabled").asBoolean()).isTrue();
        assertThat(workflow.at("/data/version_id").asText()).isEqualTo(versionId);
        assertThat(workflow.at("/data/version").asText()).isEqualTo("V1");

        // Destroy: disable the workflow, deactivate the version, delete both; then they read as gone.
        write("PUT", base + "/" + workflowId, goBody(Map.of("name", "tf-workflow", "description", "", "enabled", false,
                "labels", "IP")));
        content.put("status", "not_activated");
        write("PUT", base + "/versions/" + versionId, goBody(content));
        delete(base + "/versions/" + versionId);
        gone(send("GET", base + "/versions/" + versionId, null), "SecMaster.20040605");
        gone(send("DELETE", base + "/versions/" + versionId, null), "SecMaster.20040605");
        delete(base + "/" + workflowId);
        gone(send("GET", base + "/" + workflowId, null), "SecMaster.20040611");
        gone(send("DELETE", base + "/" + workflowId, null), "SecMaster.20040611");
    }

    /**
     * data_source_huaweicloud_secmaster_workflows.go goes through httphelper: {@code Content-Type: application/json}
     * and {@code X-Language: en-us}, the query sorted by {@code url.Values.Encode}, {@code limit=100} and an offset
     * that grows by 100 until a page's {@code data} is empty; it parses an answer only when its Content-Type starts
     * with application/json.
     */
    @Test
    void theWorkflowsDataSourcePagesUntilAnEmptyPage() {
        tenant = SecmasterApi.newTenant();
        String base = "/v1/" + tenant.project() + "/workspaces/" + tenant.workspace() + "/soc/workflows";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            ids.add(text(write("POST", base, goBody(Map.of("name", "paged-" + i, "engine_type", "public_engine",
                    "aop_type", "NORMAL", "dataclass_id", "dc-paged"))), "data.id"));
        }

        List<String> listed = new ArrayList<>();
        for (int offset = 0, pages = 0; ; offset += 100, pages++) {
            assertThat(pages).as("the data source stops on an empty page").isLessThan(5);
            Response page = given().filter(SpecValidation.strict(SecmasterApi.SPEC)).config(exactBytes())
                    .header("X-Auth-Token", tenant.token()).header("User-Agent", USER_AGENT)
                    .header("Content-Type", "application/json").header("X-Language", "en-us").accept("application/json")
                    .urlEncodingEnabled(false)
                    .get(base + "?aop_type=NORMAL&limit=100&offset=" + offset);
            assertThat(page.statusCode()).isIn(200, 202, 204, 300);
            assertThat(page.contentType()).startsWith("application/json");
            JsonNode data = tree(page.asString()).get("data");
            assertThat(data.isArray()).isTrue();
            if (data.isEmpty()) {
                break;
            }
            for (JsonNode item : data) {
                listed.add(item.get("id").asText());
                assertTypes(item, List.of("id", "name", "aop_type", "description", "dataclass_id", "version_id",
                        "engine_type", "current_approval_version_id", "current_rejected_versoin_id", "edit_role",
                        "approve_role", "use_role", "workspace_id"), List.of("enabled"));
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * data_source_huaweicloud_secmaster_workflow_versions.go: no MoreHeaders (no Content-Type), {@code ?status=} when
     * set, one request; and resource_huaweicloud_secmaster_workflow_version_validation.go, which stores
     * {@code data.result} in a bool and {@code data.detail} in a string.
     */
    @Test
    void theVersionsDataSourceAndTheValidationResource() {
        tenant = SecmasterApi.newTenant();
        String base = "/v1/" + tenant.project() + "/workspaces/" + tenant.workspace() + "/soc/workflows";
        JsonNode seed = tree(SecmasterApi.seedRequest());
        String workflowId = text(write("POST", base, goBody(Map.of("name", "tf-versions", "engine_type", "public_engine",
                "aop_type", "NORMAL", "dataclass_id", "dc-tf"))), "data.id");
        Map<String, Object> content = new TreeMap<>(Map.of("name", "v", "taskflow", seed.get("taskflow").asText(),
                "taskconfig", seed.get("taskconfig").asText(), "taskflow_type", "JSON", "aop_type", "NORMAL"));
        String first = text(write("POST", base + "/" + workflowId + "/versions", goBody(content)), "data.id");
        String second = text(write("POST", base + "/" + workflowId + "/versions", goBody(content)), "data.id");
        content.put("status", "pending_approval");
        write("PUT", base + "/versions/" + second, goBody(content));

        for (String query : new String[] {"", "?status=pending_approval"}) {
            Response list = bare().get(base + "/" + workflowId + "/versions" + query);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode data = tree(list.asString()).get("data");
            assertThat(data.isArray()).isTrue();
            for (JsonNode item : data) {
                assertTypes(item, List.of("id", "name", "description", "aopworkflow_id", "project_id", "owner_id",
                        "creator_id", "status", "version", "taskconfig", "taskflow", "taskflow_type", "aop_type"), List.of("enabled"));
            }
            List<String> listed = new ArrayList<>();
            data.forEach(item -> listed.add(item.get("id").asText()));
            assertThat(listed).isEqualTo(query.isEmpty() ? List.of(second, first) : List.of(second));
        }

        for (String mode : new String[] {"BASIC", "CIRCLE", "APP_PARAMS"}) {
            Response valid = write("POST", base + "/validation", goBody(Map.of("aopworkflow_id", workflowId, "mode", mode,
                    "taskconfig", seed.get("taskconfig").asText(), "taskflow", seed.get("taskflow").asText())));
            JsonNode data = tree(valid.asString()).get("data");
            assertThat(data.get("result").isBoolean()).isTrue();
            assertThat(data.get("result").asBoolean()).isTrue();
            assertThat(data.get("detail").isTextual()).isTrue();
            assertThat(data.get("detail").asText()).isEmpty();
        }
        String noEnd = java.util.Base64.getEncoder().encodeToString(new String(java.util.Base64.getDecoder()
                .decode(seed.get("taskflow").asText()), StandardCharsets.UTF_8).replace("bpmn2:endEvent", "bpmn2:task")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode invalid = tree(write("POST", base + "/validation", goBody(Map.of("aopworkflow_id", workflowId, "mode",
                "BASIC", "taskconfig", seed.get("taskconfig").asText(), "taskflow", noEnd))).asString()).get("data");
        assertThat(invalid.get("result").asBoolean()).isFalse();
        assertThat(invalid.get("detail").asText()).isEqualTo("BASIC: the process has no bpmn2:endEvent");
    }

    // ---- the provider's requests ------------------------------------------------------------------------------

    /** A write with a body, as the resources send it; answered with one of the statuses the provider accepts. */
    private Response write(String method, String path, String body) {
        Response response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.asString()).isIn(WRITE_OK);
        tree(response.asString());
        return response;
    }

    private void delete(String path) {
        Response response = send("DELETE", path, null);
        assertThat(response.statusCode()).as("DELETE " + path + ": " + response.asString()).isIn(DELETE_OK);
    }

    /** A resource's request: its MoreHeaders Content-Type also when there is no body, the client's Accept and agent. */
    private Response send(String method, String path, String body) {
        RequestSpecification request = given().filter(body == null && !method.equals("DELETE") && !method.equals("GET")
                        ? SpecValidation.responsesOnly(SecmasterApi.SPEC) : SpecValidation.strict(SecmasterApi.SPEC))
                .config(exactBytes())
                .header("X-Auth-Token", tenant.token())
                .header("User-Agent", USER_AGENT).accept("application/json").contentType(CONTENT_TYPE);
        if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method, path);
    }

    /** A data source's request without MoreHeaders: no Content-Type at all. */
    private RequestSpecification bare() {
        return given().filter(SpecValidation.strict(SecmasterApi.SPEC)).config(exactBytes())
                .header("X-Auth-Token", tenant.token()).header("User-Agent", USER_AGENT)
                .accept("application/json").urlEncodingEnabled(false);
    }

    /** The bytes and the Content-Type go out as given (no charset added, no re-encoding). */
    private static RestAssuredConfig exactBytes() {
        return RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                .encodeContentTypeAs(CONTENT_TYPE, ContentType.BINARY)
                .encodeContentTypeAs("application/json", ContentType.BINARY));
    }

    /** Go's {@code json.Encoder} with {@code SetEscapeHTML(false)}: compact, map keys sorted, a trailing newline. */
    private static String goBody(Map<String, Object> body) {
        try {
            return GO_JSON.writeValueAsString(new TreeMap<>(body)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what the provider reads ------------------------------------------------------------------------------

    /** GetWorkflowInfo: every field the Read sets, each with the JSON type its schema field decodes. */
    private JsonNode readWorkflow(String base, String workflowId) {
        Response read = send("GET", base + "/" + workflowId, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode body = tree(read.asString());
        assertTypes(body.get("data"), List.of("name", "engine_type", "aop_type", "dataclass_id", "labels", "description",
                "version_id", "dataclass_name", "version", "project_id", "owner_id", "creator_id", "creator_name",
                "modifier_id", "modifier_name", "create_time", "update_time", "use_role", "edit_role", "approve_role",
                "current_approval_version_id", "current_rejected_version_id"), List.of("enabled"));
        return body;
    }

    /** GetWorkflowVersionInfo: the fields the Read sets, the workflow named by {@code aopworkflow_id}. */
    private JsonNode readVersion(String base, String versionId, String workflowId, String status) {
        Response read = send("GET", base + "/versions/" + versionId, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode body = tree(read.asString());
        JsonNode data = body.get("data");
        assertTypes(data, List.of("aopworkflow_id", "name", "taskflow", "taskconfig", "taskflow_type", "aop_type",
                "description", "status", "owner_id", "creator_id", "version"), List.of("enabled"));
        assertThat(data.get("aopworkflow_id").asText()).isEqualTo(workflowId);
        assertThat(data.get("status").asText()).isEqualTo(status);
        return body;
    }

    /** Strings must be JSON strings and booleans JSON booleans (or null/absent): d.Set decodes without coercion. */
    private static void assertTypes(JsonNode object, List<String> strings, List<String> booleans) {
        for (String field : strings) {
            JsonNode value = object.get(field);
            assertThat(value == null || value.isNull() || value.isTextual()).as(field + " is a string: " + value).isTrue();
        }
        for (String field : booleans) {
            JsonNode value = object.get(field);
            assertThat(value == null || value.isNull() || value.isBoolean()).as(field + " is a bool: " + value).isTrue();
        }
    }

    /** What the provider treats as gone: a 404, or a 400 whose top-level {@code code} is the one it names. */
    private static void gone(Response response, String code) {
        if (response.statusCode() != 404) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(tree(response.asString()).get("code").asText()).isEqualTo(code);
        }
    }

    private static String text(Response response, String path) {
        JsonNode value = tree(response.asString()).at("/" + path.replace('.', '/'));
        assertThat(value.isTextual()).as(path + " is a string").isTrue();
        assertThat(value.asText()).isNotEmpty();
        return value.asText();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
