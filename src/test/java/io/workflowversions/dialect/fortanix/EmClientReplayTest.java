package io.workflowversions.dialect.fortanix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The requests of Fortanix's Rust client ({@code fortanix/em-client-rust}, crate {@code em-client} 4.0.2), its
 * {@code WorkflowApi} (draft graphs) and {@code WorkflowFinalApi} (final graphs) in {@code src/client/mod.rs}, replayed
 * from its source, and what it accepts: 200 only, 204 only for a DELETE, and an answer that decodes into the models
 * of {@code src/models.rs} (every field that is not an {@code Option} present, with the JSON type its Rust type
 * decodes: integers for {@code i64} and {@code isize}, strings for {@code Uuid} and for a final graph's version).
 * The client sends the caller's {@code Authorization} header, {@code Content-Type: application/json} only with a
 * body, {@code Content-Length: 0} on a DELETE (hyper 0.10), and serde's compact JSON with the fields in declaration
 * order and optional ones left out when empty. Every exchange is checked against the spec too.
 */
@QuarkusTest
class EmClientReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "5b0c3b9e-8f1a-4c1e-9a53-0d1f5f2f8a11";

    private FortanixClient caller;

    /** WorkflowApi: create, get, update, list and delete a draft graph. */
    @Test
    void theDraftGraphCalls() {
        caller = FortanixClient.user("writer");

        // create_workflow_graph (mod.rs 7418): CreateWorkflowGraph {name, description, objects, edges, metadata?}.
        String create = "{\"name\":\"em draft\",\"description\":\"from em-client\"," + objectsAndEdges() + ","
                + "\"metadata\":{\"nodes\":{\"in\":{\"position\":{\"x\":10,\"y\":20}}}}}";
        JsonNode created = ok(send("POST", "/v1/workflows/draft/graphs", create));
        assertWorkflowGraph(created);
        String graphId = created.get("graph_id").asText();
        assertThat(created.get("objects").get("app").get("user_id").asText()).isEqualTo(USER);

        // get_workflow_graph (mod.rs 7695).
        assertWorkflowGraph(ok(send("GET", "/v1/workflows/draft/graphs/" + graphId, null)));

        // update_workflow_graph (mod.rs 7782), a PUT: UpdateWorkflowGraph {name, description, version, objects, edges}.
        long version = created.get("version").asLong();
        String update = "{\"name\":\"em draft renamed\",\"description\":\"from em-client\",\"version\":" + version + ","
                + objectsAndEdges() + "}";
        JsonNode updated = ok(send("PUT", "/v1/workflows/draft/graphs/" + graphId, update));
        assertWorkflowGraph(updated);
        assertThat(updated.get("name").asText()).isEqualTo("em draft renamed");
        assertThat(updated.get("version").asLong()).isGreaterThan(version);

        // get_all_workflow_graphs (mod.rs 7585): name, description, all_search, parent_graph_id, sort_by, limit, offset.
        JsonNode page = ok(send("GET", "/v1/workflows/draft/graphs?name=em+draft+renamed&limit=10&offset=0", null));
        assertThat(page.get("items").isArray()).isTrue();
        page.get("items").forEach(EmClientReplayTest::assertWorkflowGraph);
        assertThat(page.get("items").findValuesAsText("graph_id")).containsExactly(graphId);
        assertSearchMetadata(page.get("metadata"));

        // delete_workflow_graph (mod.rs 7510): no Content-Type, Content-Length 0, 204 only.
        assertThat(send("DELETE", "/v1/workflows/draft/graphs/" + graphId, null).statusCode()).isEqualTo(204);
    }

    /** WorkflowFinalApi: create, add a version (a POST), get one, get all, list and delete a version. */
    @Test
    void theFinalGraphCalls() {
        caller = FortanixClient.user("writer");

        // create_final_workflow_graph (mod.rs 7882): {name, description, contents: CreateWorkflowVersionRequest}.
        JsonNode created = ok(send("POST", "/v1/workflows/final/graphs",
                "{\"name\":\"em final\",\"description\":\"from em-client\",\"contents\":{" + objectsAndEdges() + "}}"));
        assertFinalWorkflow(created);
        String graphId = created.get("graph_id").asText();
        assertThat(created.get("versions").has("1")).isTrue();

        // update_final_workflow_graph (mod.rs 8336) is a POST that adds a version: CreateWorkflowVersionRequest.
        JsonNode added = ok(send("POST", "/v1/workflows/final/graphs/" + graphId, "{" + objectsAndEdges() + "}"));
        assertVersionInFinalWorkflow(added);
        String version = added.get("version").asText();
        assertThat(version).isEqualTo("2");

        // get_final_workflow_graph (mod.rs 8160): the version is a path segment, percent-encoded as a String.
        assertVersionInFinalWorkflow(ok(send("GET", "/v1/workflows/final/graphs/" + graphId + "/" + version, null)));

        // get_full_final_workflow_graph (mod.rs 8249).
        JsonNode full = ok(send("GET", "/v1/workflows/final/graphs/" + graphId, null));
        assertFinalWorkflow(full);
        assertThat(full.get("versions").has("1")).isTrue();
        assertThat(full.get("versions").has("2")).isTrue();

        // get_all_final_workflow_graphs (mod.rs 8054): name, description, all_search, sort_by, limit, offset.
        JsonNode page = ok(send("GET", "/v1/workflows/final/graphs?name=em+final&limit=10&offset=0", null));
        page.get("items").forEach(EmClientReplayTest::assertFinalWorkflow);
        assertThat(page.get("items").findValuesAsText("graph_id")).contains(graphId);
        assertSearchMetadata(page.get("metadata"));

        // delete_final_workflow_graph (mod.rs 7974): 204 only; the version is gone afterwards.
        assertThat(send("DELETE", "/v1/workflows/final/graphs/" + graphId + "/" + version, null).statusCode()).isEqualTo(204);
        JsonNode after = ok(send("GET", "/v1/workflows/final/graphs/" + graphId, null));
        assertThat(after.get("versions").has("2")).isFalse();
    }

    // ---- the client's requests --------------------------------------------------------------------------------

    /**
     * The objects and edges members of a body, as serde writes them: {@code BTreeMap}s (keys sorted), WorkflowObject
     * {name, user_id, description?, ref}, WorkflowObjectRef {placeholder?, dataset?, app?}, WorkflowEdge {source,
     * target}, WorkflowEdgeLink {id, port?}.
     */
    private static String objectsAndEdges() {
        return "\"objects\":{"
                + "\"app\":{\"name\":\"Scoring\",\"user_id\":\"" + USER + "\",\"description\":\"model\",\"ref\":{\"app\":"
                + "{\"image_id\":\"0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f\",\"config_id\":\"cfg1\"}}},"
                + "\"in\":{\"name\":\"Transactions\",\"user_id\":\"" + USER + "\",\"ref\":{\"dataset\":"
                + "{\"dataset_id\":\"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\"}}},"
                + "\"out\":{\"name\":\"Scores\",\"user_id\":\"" + USER + "\",\"ref\":{\"placeholder\":{\"kind\":\"dataset\"}}}},"
                + "\"edges\":{"
                + "\"e1\":{\"source\":{\"id\":\"in\"},\"target\":{\"id\":\"app\",\"port\":\"input\"}},"
                + "\"e2\":{\"source\":{\"id\":\"app\",\"port\":\"output\"},\"target\":{\"id\":\"out\"}}}";
    }

    /** hyper 0.10 on the client's request: the caller's headers, a JSON Content-Type only with a body. */
    private Response send(String method, String path, String body) {
        RequestSpecification request = given().filter(SpecValidation.strict(FortanixClient.SPEC))
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/json", ContentType.BINARY)))
                .urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + caller.token);
        if (body != null) {
            request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        } else if (method.equals("DELETE")) {
            request.header("Content-Length", "0");
        }
        return request.request(method, path);
    }

    /** The only success em-client knows for everything but a DELETE. */
    private static JsonNode ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        try {
            return JSON.readTree(response.asString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what its models require ------------------------------------------------------------------------------

    /** WorkflowGraph: graph_id, name, creator_id, created_at, updated_at, description, version, objects, edges. */
    private static void assertWorkflowGraph(JsonNode graph) {
        uuid(graph, "graph_id");
        uuid(graph, "creator_id");
        string(graph, "name");
        string(graph, "description");
        integer(graph, "created_at");
        integer(graph, "updated_at");
        integer(graph, "version");
        objectsAndEdges(graph);
    }

    /** FinalWorkflow: graph_id, name, created_at, updated_at, description, versions of FinalWorkflowGraph. */
    private static void assertFinalWorkflow(JsonNode workflow) {
        uuid(workflow, "graph_id");
        string(workflow, "name");
        string(workflow, "description");
        integer(workflow, "created_at");
        integer(workflow, "updated_at");
        assertThat(workflow.get("versions").isObject()).isTrue();
        workflow.get("versions").forEach(EmClientReplayTest::assertFinalWorkflowGraph);
    }

    /** VersionInFinalWorkflow: graph_id, name, description, version (a String), contents. */
    private static void assertVersionInFinalWorkflow(JsonNode version) {
        uuid(version, "graph_id");
        string(version, "name");
        string(version, "description");
        string(version, "version");
        assertFinalWorkflowGraph(version.get("contents"));
    }

    /** FinalWorkflowGraph: created_at, objects, edges, runtime_configs of WorkflowObjectRefApp {image_id, config_id}. */
    private static void assertFinalWorkflowGraph(JsonNode graph) {
        integer(graph, "created_at");
        objectsAndEdges(graph);
        assertThat(graph.get("runtime_configs").isObject()).isTrue();
        graph.get("runtime_configs").forEach(app -> {
            uuid(app, "image_id");
            string(app, "config_id");
        });
    }

    /** WorkflowObject {name, user_id, ref} and WorkflowEdge {source {id}, target {id}} of every entry. */
    private static void objectsAndEdges(JsonNode graph) {
        assertThat(graph.get("objects").isObject()).isTrue();
        graph.get("objects").forEach(object -> {
            string(object, "name");
            uuid(object, "user_id");
            assertThat(object.get("ref").isObject()).isTrue();
        });
        assertThat(graph.get("edges").isObject()).isTrue();
        graph.get("edges").forEach(edge -> {
            string(edge.get("source"), "id");
            string(edge.get("target"), "id");
        });
    }

    /** SearchMetadata, an Option: when present, page, pages, limit, total_count and filtered_count as integers. */
    private static void assertSearchMetadata(JsonNode metadata) {
        if (metadata != null && !metadata.isNull()) {
            for (String field : List.of("page", "pages", "limit", "total_count", "filtered_count")) {
                integer(metadata, field);
            }
        }
    }

    private static void string(JsonNode node, String field) {
        assertThat(node.get(field)).as(field).isNotNull();
        assertThat(node.get(field).isTextual()).as(field + " is a string: " + node.get(field)).isTrue();
    }

    private static void uuid(JsonNode node, String field) {
        string(node, field);
        assertThat(UUID.fromString(node.get(field).asText()).toString()).isEqualTo(node.get(field).asText().toLowerCase());
    }

    private static void integer(JsonNode node, String field) {
        assertThat(node.get(field)).as(field).isNotNull();
        assertThat(node.get(field).isIntegralNumber()).as(field + " is an integer: " + node.get(field)).isTrue();
    }
}
