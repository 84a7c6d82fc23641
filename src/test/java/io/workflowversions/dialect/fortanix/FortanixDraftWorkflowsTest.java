package io.workflowversions.dialect.fortanix;

import static io.workflowversions.dialect.fortanix.FortanixClient.draftBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.keys;
import static io.workflowversions.dialect.fortanix.FortanixClient.seedContents;
import static io.workflowversions.dialect.fortanix.FortanixClient.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Sql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** D1–D5 over real HTTP and PostgreSQL; every exchange is checked against openapi/fortanix-ccm.yaml. */
@QuarkusTest
class FortanixDraftWorkflowsTest {

    @Test
    void draftLifecycleWithOptimisticVersion() {
        FortanixClient writer = FortanixClient.user("writer");
        Response created = writer.call().body(draftBody("Draft one", seedContents())).post("/v1/workflows/draft/graphs");
        created.then().statusCode(200)
                .body("version", equalTo(1))
                .body("creator_id", equalTo(writer.credentialId))
                .body("acct_id", equalTo(writer.account))
                .body("type", equalTo("OWNED"))
                .body("metadata.parent.graph_id", equalTo("3d3f8a52-1b7e-4c4a-9a0e-1f2e3d4c5b6a"));
        JsonNode draft = tree(created);
        assertThat(keys(draft.get("objects"))).containsExactly("aggregator", "audit", "input", "output", "scorer");
        assertThat(keys(draft.get("labels"))).containsExactly("aaa", "team", "zz");
        assertThat(draft.has("runtime_configs")).isFalse();
        String graphId = draft.get("graph_id").asText();
        String path = "/v1/workflows/draft/graphs/" + graphId;

        Map<String, Object> update = new LinkedHashMap<>(draftBody("Draft one, edited", seedContents("edited", Map.of())));
        update.put("version", 1);
        writer.call().body(update).put(path).then().statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("Draft one, edited"))
                .body("metadata.project", equalTo("edited")).body("labels", equalTo(Map.of()))
                .body("group_id", equalTo(draft.get("group_id").asText()))
                .body("created_at", equalTo(draft.get("created_at").asInt()));

        // The same version again is stale now.
        writer.call().body(update).put(path).then().statusCode(409).contentType(startsWith("text/plain"))
                .body(not(equalTo("")));
        assertThat(Sql.count("select revision from workflow where external_key = ?", graphId)).isEqualTo(2);
        update.put("version", 7);
        writer.call().body(update).put(path).then().statusCode(409);

        writer.call().get(path).then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("Draft one, edited"));
        writer.call().queryParam("acct_id", writer.account).get(path).then().statusCode(200);

        writer.call().delete(path).then().statusCode(204).body(equalTo(""));
        writer.call().get(path).then().statusCode(404).contentType(startsWith("text/plain"));
        writer.call().delete(path).then().statusCode(404);
        update.put("version", 2);
        writer.call().body(update).put(path).then().statusCode(404);
        assertThat(Sql.count("select count(*) from workflow where external_key = ?", graphId)).isZero();
    }

    @Test
    void concurrentPutsWithTheSameVersionLetExactlyOneWin() {
        FortanixClient writer = FortanixClient.user("manager");
        String graphId = writer.createDraft(draftBody("Contended", seedContents()));

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(12, i -> () -> {
            Map<String, Object> update = new LinkedHashMap<>(draftBody("writer " + i, seedContents()));
            update.put("version", 1);
            return writer.call().body(update).put("/v1/workflows/draft/graphs/" + graphId).statusCode();
        });

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.stream().map(Concurrently.Outcome::value)).containsOnly(200, 409).containsOnlyOnce(200);
        int winner = java.util.stream.IntStream.range(0, 12).filter(i -> outcomes.get(i).value() == 200).findFirst().orElseThrow();
        Map<String, Object> row = Sql.rows("select name, revision from workflow where external_key = ?", graphId).get(0);
        assertThat(row).containsEntry("name", "writer " + winner);
        assertThat(((Number) row.get("revision")).longValue()).isEqualTo(2);
    }

    @Test
    void draftListsFilterByParentProjectLabelsAndText() {
        FortanixClient writer = FortanixClient.user("writer");
        String first = writer.createDraft(draftBody("Alpha", seedContents("one", Map.of("env", "prod"))));
        Map<String, Object> orphan = new LinkedHashMap<>(seedContents("two", Map.of("env", "dev")));
        orphan.remove("metadata");
        String second = writer.createDraft(draftBody("Bravo", orphan));

        writer.call().get("/v1/workflows/draft/graphs").then().statusCode(200)
                .body("items.graph_id", equalTo(List.of(first, second)))
                .body("metadata.total_count", equalTo(2));
        writer.call().queryParam("parent_graph_id", "3d3f8a52-1b7e-4c4a-9a0e-1f2e3d4c5b6a").get("/v1/workflows/draft/graphs")
                .then().statusCode(200).body("items.graph_id", equalTo(List.of(first)))
                .body("metadata.filtered_count", equalTo(1));
        writer.call().queryParam("filter", "{\"labels\":{\"env\":\"dev\"}}").get("/v1/workflows/draft/graphs")
                .then().statusCode(200).body("items.graph_id", equalTo(List.of(second)));
        writer.call().queryParam("project", "one").queryParam("all_search", "alp").get("/v1/workflows/draft/graphs")
                .then().statusCode(200).body("items.graph_id", equalTo(List.of(first)));
        writer.call().queryParam("sort_by", "updated_at:DESC,name").queryParam("limit", 1)
                .get("/v1/workflows/draft/graphs").then().statusCode(200).body("items", hasSize(1))
                .body("metadata.pages", equalTo(2)).body("metadata.page", equalTo(1));
    }
}
