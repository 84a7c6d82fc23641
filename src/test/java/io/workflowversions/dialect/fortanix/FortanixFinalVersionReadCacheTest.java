package io.workflowversions.dialect.fortanix;

import static io.workflowversions.dialect.fortanix.FortanixClient.finalBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.seedContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.workflowversions.store.ReadCache;
import io.workflowversions.support.Sql;
import io.workflowversions.support.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A final graph's version, and the graph it belongs to, are answered from memory; a change to either, through this
 * instance or any other sharing the database, is seen by the next reads.
 */
@QuarkusTest
class FortanixFinalVersionReadCacheTest {

    private static final Duration ANNOUNCED = Duration.ofSeconds(3);
    /** Version N of the test's graph. */
    private static final String VERSION_N = "workflow_id = (select id from workflow where kind = 'final_graph'"
            + " and external_key = ?) and number = ?";

    @Inject
    ReadCache cache;

    private FortanixClient writer;
    private String graphId;

    @BeforeEach
    void finalGraph() {
        await().atMost(Duration.ofSeconds(10)).until(cache::listening);
        writer = FortanixClient.user("writer");
        graphId = writer.createFinal(finalBody("Cached graph", seedContents()));
    }

    @Test
    void aVersionIsReadFromMemoryUntilAChangeIsAnnounced() throws SQLException {
        assertThat(teamOf(1)).isEqualTo("risk");

        labelUnannounced(1, "changed behind the service's back");
        assertThat(teamOf(1)).as("answered from memory").isEqualTo("risk");

        // Another instance's write of the version: the change log names it, and every instance reads the log.
        assertThat(Sql.execute("update workflow_version set updated_at = updated_at where " + VERSION_N, graphId, 1L))
                .isEqualTo(1);
        await().atMost(ANNOUNCED).untilAsserted(() -> assertThat(teamOf(1)).isEqualTo("changed behind the service's back"));
    }

    @Test
    void addingAVersionLeavesTheCachedVersionAlone() throws SQLException {
        assertThat(teamOf(1)).isEqualTo("risk");
        labelUnannounced(1, "changed behind the service's back");

        writer.addVersion(graphId, seedContents("fraud-scoring", Map.of("team", "second"))).then().statusCode(200)
                .body("version", equalTo("2"));

        await().during(Duration.ofMillis(500)).atMost(ANNOUNCED).untilAsserted(() ->
                assertThat(teamOf(1)).isEqualTo("risk"));
        assertThat(teamOf(2)).isEqualTo("second");
    }

    @Test
    void aRenameIsReadBackAtOnceWhileTheVersionStaysCached() throws SQLException {
        readVersion(1).body("name", equalTo("Cached graph"));
        labelUnannounced(1, "changed behind the service's back");

        writer.call().body(Map.of("name", "Renamed graph", "description", "Renamed too"))
                .patch("/v1/workflows/final/graphs/" + graphId).then().statusCode(200).body("name", equalTo("Renamed graph"));

        // The rename names the graph, not its versions: the graph is read again, version 1 still comes from memory.
        readVersion(1)
                .body("name", equalTo("Renamed graph"))
                .body("description", equalTo("Renamed too"))
                .body("contents.labels.team", equalTo("risk"));
    }

    @Test
    void aRuntimePatchIsReadBackAtOnce() throws SQLException {
        readVersion(1).body("contents.deployment", nullValue());
        labelUnannounced(1, "changed behind the service's back");

        writer.call().body(Map.of(
                        "deployment", Map.of("kubernetes_single_job", Map.of("namespace", "jobs",
                                "cluster_id", "11111111-2222-4333-8444-555555555555")),
                        "runtime_configs", Map.of("scorer", Map.of())))
                .patch("/v1/workflows/final/graphs/" + graphId + "/1").then().statusCode(200);

        // The patch rewrote version 1 from its stored row, so the change behind the service's back comes along.
        readVersion(1)
                .body("contents.deployment.kubernetes_single_job.namespace", equalTo("jobs"))
                .body("contents.labels.team", equalTo("changed behind the service's back"));
    }

    @Test
    void aDeletedVersionIsGoneAtOnceHereAndSoonAfterAnotherInstanceDeletesOne() {
        writer.addVersion(graphId, seedContents()).then().statusCode(200).body("version", equalTo("2"));
        writer.addVersion(graphId, seedContents()).then().statusCode(200).body("version", equalTo("3"));
        assertThat(teamOf(1)).isEqualTo("risk");
        assertThat(teamOf(2)).isEqualTo("risk");

        writer.call().delete("/v1/workflows/final/graphs/" + graphId + "/1").then().statusCode(204);
        writer.call().get("/v1/workflows/final/graphs/" + graphId + "/1").then().statusCode(404);

        assertThat(Sql.execute("delete from workflow_version where " + VERSION_N, graphId, 2L)).isEqualTo(1);
        await().atMost(ANNOUNCED).untilAsserted(() ->
                writer.call().get("/v1/workflows/final/graphs/" + graphId + "/2").then().statusCode(404));
        assertThat(teamOf(3)).isEqualTo("risk");
    }

    private ValidatableResponse readVersion(long number) {
        return writer.call().get("/v1/workflows/final/graphs/" + graphId + "/" + number).then().statusCode(200)
                .body("graph_id", equalTo(graphId))
                .body("version", equalTo(Long.toString(number)));
    }

    private String teamOf(long number) {
        return readVersion(number).extract().path("contents.labels.team");
    }

    /** Changes a version's label with the store's triggers off, as no instance ever does, to tell a cached read apart. */
    private void labelUnannounced(long number, String team) throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            try (Statement off = connection.createStatement()) {
                off.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement("update workflow_version"
                    + " set content = jsonb_set(content, '{labels,team}', to_jsonb(?::text)) where " + VERSION_N)) {
                update.setString(1, team);
                update.setString(2, graphId);
                update.setLong(3, number);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }
}
