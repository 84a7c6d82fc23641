package io.workflowversions.store;

import static io.workflowversions.store.VersionStoreTest.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Concurrently.Outcome;
import io.workflowversions.support.Sql;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link VersionStore#findOrCreateWorkflow}: concurrent first writers all get the one row, none fails. */
@QuarkusTest
class FindOrCreateWorkflowTest {

    @Inject
    VersionStore store;

    @Test
    void createsOnceAndKeepsTheFirstCreatorsFields() {
        TenantScope scope = new TenantScope("frankieone", "t-" + UUID.randomUUID(), "child");
        Workflow created = tx(() -> store.findOrCreateWorkflow(scope, new NewWorkflow("definition", "wf", "First", "d",
                JsonNodeFactory.instance.objectNode().put("a", 1), "alice")));
        Workflow found = tx(() -> store.findOrCreateWorkflow(scope, new NewWorkflow("definition", "wf", "Second", null,
                null, "bob")));

        assertThat(found.id).isEqualTo(created.id);
        assertThat(found.name).isEqualTo("First");
        assertThat(found.createdBy).isEqualTo("alice");
        assertThat(found.attributes.get("a").asInt()).isEqualTo(1);
        assertThat(found.subTenant).isEqualTo("child");
        assertThat(Sql.rows("select attributes->>'a' as a from workflow where id = ?", created.id).get(0).get("a")).isEqualTo("1");
    }

    @Test
    void concurrentFirstCallsShareOneRowAndAreSerialisedByItsLock() {
        TenantScope scope = TenantScope.of("frankieone", "t-" + UUID.randomUUID());

        List<Outcome<Long>> outcomes = Concurrently.run(20, i -> () -> tx(() -> store
                .findOrCreateWorkflow(scope, new NewWorkflow("definition", "race", "Race " + i, null, null, "w" + i))
                .flatMap(workflow -> store.addVersion(workflow, NewVersion.numbered("published", "w" + i)))
                .map(version -> version.workflowId)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(Outcome::value).distinct()).hasSize(1);
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", scope.tenant())).isEqualTo(1);
        assertThat(Sql.count("select version_counter from workflow where tenant = ?", scope.tenant())).isEqualTo(20);
    }
}
