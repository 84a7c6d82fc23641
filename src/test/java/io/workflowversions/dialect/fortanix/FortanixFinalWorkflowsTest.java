package io.workflowversions.dialect.fortanix;

import static io.workflowversions.dialect.fortanix.FortanixClient.finalBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.keys;
import static io.workflowversions.dialect.fortanix.FortanixClient.seedContents;
import static io.workflowversions.dialect.fortanix.FortanixClient.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** F1–F8 over real HTTP and PostgreSQL; every exchange is checked against openapi/fortanix-ccm.yaml. */
@QuarkusTest
class FortanixFinalWorkflowsTest {

    @Test
    void theSeedBodyCreatesAVersionWithDerivedRuntimeConfigsAndSortedMaps() {
        FortanixClient writer = FortanixClient.user("writer");
        long before = Instant.now().getEpochSecond();
        String graphId = writer.createFinal(finalBody("Fraud scoring", seedContents()));

        Response created = writer.addVersion(graphId, seedContents());
        created.then().statusCode(200)
                .body("graph_id", equalTo(graphId))
                .body("name", equalTo("Fraud scoring"))
                .body("version", equalTo("2"))
                .body("contents.runtime_configs.scorer.image_id", equalTo("0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f"))
                .body("contents.runtime_configs.scorer.config_id", equalTo("9f1c6f0a3d2b"))
                .body("contents.runtime_configs.scorer.child_nodes", equalTo(List.of("audit", "output")))
                .body("contents.runtime_configs.aggregator.child_nodes", equalTo(List.of()))
                .body("contents.metadata.parent.source_version", equalTo(1))
                .body("contents.metadata.project", equalTo("fraud-scoring"))
                .body("contents.objects.input.ref.dataset.acct_id", equalTo("2c1d4b6e-7f80-4a91-b2c3-d4e5f6a7b8c9"))
                .body("contents.objects.output.ref.placeholder.kind", equalTo("dataset"))
                .body("contents.edges.e1.target.port", equalTo("input"));
        JsonNode contents = tree(created).get("contents");
        assertThat(contents.get("created_at").asLong()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(keys(contents.get("runtime_configs"))).containsExactly("aggregator", "scorer");
        assertThat(contents.get("runtime_configs").get("scorer").has("deployment")).isFalse();
        assertThat(contents.has("deployment")).isFalse();
        assertThat(keys(contents.get("objects"))).containsExactly("aggregator", "audit", "input", "output", "scorer");
        assertThat(keys(contents.get("edges"))).containsExactly("e1", "e2", "e3", "e4");
        assertThat(keys(contents.get("labels"))).containsExactly("aaa", "team", "zz");
        assertThat(keys(contents.get("metadata").get("nodes"))).containsExactly("input", "scorer");
        assertThat(keys(contents.get("metadata").get("nodes").get("scorer").get("position"))).containsExactly("x", "y");

        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.tenant = ?", graphId, writer.account)).isEqualTo(2);
        writer.call().get("/v1/workflows/final/graphs/" + graphId + "/2").then().statusCode(200)
                .body("contents.runtime_configs.scorer.child_nodes", equalTo(List.of("audit", "output")));
    }

    @Test
    void createGivesVersionOneWithDefaultsAndLabelsAlwaysPresent() {
        FortanixClient writer = FortanixClient.user("manager");
        Map<String, Object> contents = new LinkedHashMap<>(seedContents());
        contents.remove("labels");
        contents.remove("metadata");
        Response created = writer.call().body(finalBody("Plain", contents)).post("/v1/workflows/final/graphs");

        created.then().statusCode(200)
                .body("acct_id", equalTo(writer.account))
                .body("type", equalTo("OWNED"))
                .body("versions.1.labels", equalTo(Map.of()))
                .body("versions.1.runtime_configs.scorer.child_nodes", equalTo(List.of("audit", "output")));
        JsonNode body = tree(created);
        assertThat(keys(body.get("versions"))).containsExactly("1");
        assertThat(body.get("versions").get("1").has("metadata")).isFalse();
        assertThat(body.get("created_at").asLong()).isEqualTo(body.get("updated_at").asLong());
        String groupId = body.get("group_id").asText();
        // The account's default group is the same for every workflow of the account.
        String second = writer.createFinal(finalBody("Other", seedContents()));
        writer.call().get("/v1/workflows/final/graphs/" + second).then().statusCode(200).body("group_id", equalTo(groupId));
    }

    @Test
    void fiftyConcurrentNewVersionsAreNumberedTwoToFiftyOneAndTheMapIsInStringOrder() {
        FortanixClient writer = FortanixClient.user("writer");
        String graphId = writer.createFinal(finalBody("Busy", seedContents()));

        List<Concurrently.Outcome<String>> outcomes = Concurrently.run(50, i -> () -> {
            Response response = writer.addVersion(graphId, seedContents());
            response.then().statusCode(200);
            return response.path("version");
        });

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        List<String> expected = IntStream.rangeClosed(2, 51).mapToObj(Integer::toString).toList();
        assertThat(outcomes.stream().map(Concurrently.Outcome::value)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Sql.rows("select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? order by v.number", graphId).stream().map(r -> ((Number) r.get("number")).intValue()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 51).boxed().toList());

        Response full = writer.call().get("/v1/workflows/final/graphs/" + graphId);
        full.then().statusCode(200);
        List<String> versionKeys = keys(tree(full).get("versions"));
        List<String> stringOrder = new ArrayList<>(versionKeys);
        stringOrder.sort(null);
        assertThat(versionKeys).hasSize(51).containsExactlyElementsOf(stringOrder);
        assertThat(versionKeys.subList(0, 4)).containsExactly("1", "10", "11", "12");
    }

    @Test
    void versionNumbersAreNeverReusedAndDeletingTheLastVersionDeletesTheWorkflow() {
        FortanixClient writer = FortanixClient.user("writer");
        String graphId = writer.createFinal(finalBody("Short-lived", seedContents()));
        writer.addVersion(graphId, seedContents()).then().statusCode(200).body("version", equalTo("2"));

        writer.call().delete("/v1/workflows/final/graphs/" + graphId + "/2").then().statusCode(204).body(equalTo(""));
        writer.addVersion(graphId, seedContents()).then().statusCode(200).body("version", equalTo("3"));
        writer.call().get("/v1/workflows/final/graphs/" + graphId + "/2").then().statusCode(404)
                .contentType("text/plain");
        writer.call().get("/v1/workflows/final/graphs/" + graphId).then().statusCode(200)
                .body("versions.keySet()", equalTo(java.util.Set.of("1", "3")));

        writer.call().delete("/v1/workflows/final/graphs/" + graphId + "/1").then().statusCode(204);
        assertThat(Sql.count("select count(*) from workflow where external_key = ?", graphId)).isEqualTo(1);
        writer.call().delete("/v1/workflows/final/graphs/" + graphId + "/3").then().statusCode(204);

        assertThat(Sql.count("select count(*) from workflow where external_key = ?", graphId)).isZero();
        writer.call().get("/v1/workflows/final/graphs/" + graphId).then().statusCode(404).contentType("text/plain");
        writer.call().get("/v1/workflows/final/graphs/" + graphId + "/3").then().statusCode(404);
        writer.call().delete("/v1/workflows/final/graphs/" + graphId + "/3").then().statusCode(404);
    }

    @Test
    void runtimePatchChangesOnlyDeploymentData() {
        FortanixClient writer = FortanixClient.user("writer");
        String graphId = writer.createFinal(finalBody("Deployable", seedContents()));
        String path = "/v1/workflows/final/graphs/" + graphId + "/1";
        JsonNode before = tree(writer.call().get(path)).get("contents");

        Map<String, Object> aci = Map.of("aci", Map.of(
                "exposed_ports", List.of(Map.of("port", 443, "protocol", "Tcp"), Map.of("port", 53, "protocol", "Udp")),
                "env_vars", Map.of("MODE", "strict", "A_FIRST", "1")));
        Response patched = writer.call().body(Map.of(
                        "deployment", Map.of("aci_single_job", Map.of("cluster_id", "11111111-2222-4333-8444-555555555555",
                                "deployment_location", "westeurope")),
                        "runtime_configs", Map.of("scorer", Map.of("deployment", aci))))
                .patch(path);

        patched.then().statusCode(200)
                .body("version", equalTo("1"))
                .body("contents.deployment.aci_single_job.deployment_location", equalTo("westeurope"))
                .body("contents.runtime_configs.scorer.deployment.aci.exposed_ports", hasSize(2))
                .body("contents.runtime_configs.scorer.deployment.aci.exposed_ports[1].protocol", equalTo("Udp"));
        JsonNode after = tree(patched).get("contents");
        assertThat(keys(after.get("runtime_configs").get("scorer").get("deployment").get("aci").get("env_vars")))
                .containsExactly("A_FIRST", "MODE");
        for (String unchanged : List.of("objects", "edges", "metadata", "labels", "created_at")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(after.get("runtime_configs").get("scorer").get("child_nodes"))
                .isEqualTo(before.get("runtime_configs").get("scorer").get("child_nodes"));
        assertThat(after.get("runtime_configs").get("aggregator").has("deployment")).isFalse();

        // A later patch that leaves the app's deployment out keeps it, and replaces the workflow's deployment.
        writer.call().body(Map.of(
                        "deployment", Map.of("kubernetes_single_job", Map.of("namespace", "jobs",
                                "cluster_id", "11111111-2222-4333-8444-555555555555")),
                        "runtime_configs", Map.of("scorer", Map.of(),
                                "aggregator", Map.of("deployment", Map.of("kubernetes", Map.of("job_spec", Map.of("b", 1, "a", 2)))))))
                .patch(path)
                .then().statusCode(200)
                .body("contents.deployment.kubernetes_single_job.namespace", equalTo("jobs"))
                .body("contents.runtime_configs.scorer.deployment.aci.env_vars.MODE", equalTo("strict"))
                .body("contents.runtime_configs.aggregator.deployment.kubernetes.job_spec.a", equalTo(2));
        writer.call().get("/v1/workflows/final/graphs/" + graphId).then().statusCode(200)
                .body("versions.1.deployment.kubernetes_single_job.namespace", equalTo("jobs"));
    }

    @Test
    void renameReplacesOnlyWhatIsGiven() {
        FortanixClient writer = FortanixClient.user("writer");
        String graphId = writer.createFinal(finalBody("Before", seedContents()));

        writer.call().body(Map.of("name", "After")).patch("/v1/workflows/final/graphs/" + graphId)
                .then().statusCode(200)
                .body("name", equalTo("After"))
                .body("description", equalTo("Scores transactions inside an enclave"))
                .body("versions.keySet()", equalTo(java.util.Set.of("1")));
        writer.call().body(Map.of("description", "")).patch("/v1/workflows/final/graphs/" + graphId)
                .then().statusCode(200).body("name", equalTo("After")).body("description", equalTo(""));
        assertThat(Sql.rows("select name, description from workflow where external_key = ?", graphId).get(0))
                .containsEntry("name", "After").containsEntry("description", "");

        String hostile = "Robert'); DROP TABLE workflow;-- <script>alert(1)</script> \u202e\u00e9\ud83d\ude00 %_";
        writer.call().body(Map.of("name", hostile)).patch("/v1/workflows/final/graphs/" + graphId)
                .then().statusCode(200).body("name", equalTo(hostile));
        writer.call().queryParam("name", "drop table").get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.graph_id", equalTo(List.of(graphId)));
        writer.call().queryParam("name", "%_").get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.graph_id", equalTo(List.of(graphId)));
        writer.call().queryParam("name", "_%").get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items", hasSize(0));
        assertThat(Sql.rows("select name from workflow where external_key = ?", graphId).get(0)).containsEntry("name", hostile);
    }

    @Test
    void listsFilterSortAndPage() {
        FortanixClient writer = FortanixClient.user("writer");
        String alpha = writer.createFinal(finalBody("Alpha scoring", seedContents("p-one", Map.of("env", "prod"))));
        String beta = writer.createFinal(finalBody("beta", seedContents("p-two", Map.of("env", "test"))));
        String gamma = writer.createFinal(finalBody("Gamma SCORING", seedContents("p-two", Map.of("env", "dev"))));
        // A later version of beta carries the label env=prod: a workflow matches when any version does.
        writer.addVersion(beta, seedContents("p-three", Map.of("env", "prod", "tier", "1"))).then().statusCode(200);

        writer.call().get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.graph_id", equalTo(List.of(alpha, beta, gamma)))
                .body("metadata.total_count", equalTo(3)).body("metadata.filtered_count", equalTo(3))
                .body("metadata.page", equalTo(1)).body("metadata.pages", equalTo(1)).body("metadata.limit", equalTo(100));
        writer.call().queryParam("name", "scoring").get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.graph_id", equalTo(List.of(alpha, gamma)))
                .body("metadata.filtered_count", equalTo(2)).body("metadata.total_count", equalTo(3));
        writer.call().queryParam("filter", "{\"labels\":{\"env\":\"prod\"}}").get("/v1/workflows/final/graphs")
                .then().statusCode(200).body("items.graph_id", equalTo(List.of(alpha, beta)));
        writer.call().queryParam("project", "p-two").get("/v1/workflows/final/graphs")
                .then().statusCode(200).body("items.graph_id", equalTo(List.of(beta, gamma)));
        writer.call().queryParam("project", "p-three").queryParam("filter", "{\"labels\":{\"tier\":\"1\"}}")
                .get("/v1/workflows/final/graphs").then().statusCode(200).body("items.graph_id", equalTo(List.of(beta)));
        writer.call().queryParam("all_search", "ENCLAVE").queryParam("sort_by", "name:DESC")
                .get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.name", equalTo(List.of("beta", "Gamma SCORING", "Alpha scoring")));
        writer.call().queryParam("sort_by", "name").queryParam("limit", 2).queryParam("offset", 2)
                .get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items.name", equalTo(List.of("beta")))
                .body("items[0].versions.keySet()", equalTo(java.util.Set.of("1", "2")))
                .body("metadata.page", equalTo(2)).body("metadata.pages", equalTo(2)).body("metadata.limit", equalTo(2));
        writer.call().queryParam("description", "nothing like it").get("/v1/workflows/final/graphs").then().statusCode(200)
                .body("items", hasSize(0)).body("metadata.pages", equalTo(0)).body("metadata.total_count", equalTo(3));
    }
}
