package io.workflowversions.dialect.frankieone;

import static io.workflowversions.dialect.frankieone.FrankieOne.PATH;
import static io.workflowversions.dialect.frankieone.FrankieOne.body;
import static io.workflowversions.dialect.frankieone.FrankieOne.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.workflowversions.dialect.frankieone.FrankieOne.Key;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Concurrently.Outcome;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes to one definition are serialised: concurrent requests over HTTP still give exact numbering and one draft. */
@QuarkusTest
class FrankieOneConcurrencyTest {

    @Test
    void thirtyConcurrentFirstPublishesGiveExactlyVersionsOneToThirty() {
        Key key = newKey();

        List<Outcome<JsonPath>> outcomes = Concurrently.run(30, i -> () -> key.api()
                .body(body("Publish " + i, false)).put(PATH + "/race")
                .then().statusCode(200).extract().jsonPath());

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.value().getInt("workflowDefinition.version")))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(outcomes.stream().map(o -> o.value().getString("workflowDefinition.versionId")).distinct()).hasSize(30);
        // Each answer lists exactly the versions published up to and including its own.
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value().getList("workflowDefinition.versions", Integer.class))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, o.value().getInt("workflowDefinition.version")).boxed().toList()));

        assertThat(key.workflows()).isEqualTo(1);
        assertThat(Sql.rows("select v.number from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? order by v.number", key.customer()).stream().map(r -> ((Number) r.get("number")).intValue()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        key.api().get(PATH + "/race/versions").then().statusCode(200)
                .body("versions.version", equalTo(IntStream.rangeClosed(1, 30).boxed().toList()));
    }

    @Test
    void concurrentDraftSavesAndPublishesKeepOneDraftAndGapFreeNumbers() {
        Key key = newKey();

        List<Outcome<Integer>> outcomes = Concurrently.run(24, i -> () -> key.api()
                .body(body("Save " + i, i % 2 == 0)).put(PATH + "/mixed")
                .then().statusCode(200).extract().path("workflowDefinition.version"));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(Outcome::value).filter(v -> v == -1)).hasSize(12);
        assertThat(outcomes.stream().map(Outcome::value).filter(v -> v > 0))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and v.number is null", key.customer())).isEqualTo(1);
        assertThat(key.versions()).isEqualTo(13);
    }
}
