package io.workflowversions.store;

import static io.workflowversions.store.VersionStoreTest.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.workflowversions.support.Sql;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the workflow's version counter is kept: raised on the entity when the transaction holds the workflow's row lock
 * (written once, at commit), by a statement of its own otherwise; and never written back from an entity read without
 * the lock. The number of rows this transaction updated in {@code workflow} tells which path ran.
 */
@QuarkusTest
class VersionCounterTest {

    @Inject
    VersionStore store;

    TenantScope scope;
    Workflow workflow;

    @BeforeEach
    void freshWorkflow() {
        scope = TenantScope.of("secmaster", "tenant-" + UUID.randomUUID());
        workflow = tx(() -> store.createWorkflow(scope, new NewWorkflow("workflow", "wf", "Workflow", null, null, "test")));
    }

    @Test
    void underTheRowLockThreeVersionsCostOneUpdateOfTheWorkflow() {
        long updates = workflowUpdatesForThreeVersions(() -> store.lockWorkflow(scope, "workflow", "wf"));

        assertThat(updates).isLessThanOrEqualTo(1);
        assertThat(numbers()).containsExactly(1L, 2L, 3L);
        assertThat(Sql.count("select version_counter from workflow where id = ?", workflow.id)).isEqualTo(3);
    }

    @Test
    void withoutTheRowLockEachNumberIsRaisedInTheDatabase() {
        long updates = workflowUpdatesForThreeVersions(() -> store.findWorkflow(scope, "workflow", "wf"));

        assertThat(updates).isGreaterThanOrEqualTo(3);
        assertThat(numbers()).containsExactly(1L, 2L, 3L);
        assertThat(Sql.count("select version_counter from workflow where id = ?", workflow.id)).isEqualTo(3);
    }

    @Test
    void aWorkflowReadWithoutTheLockNeverWritesBackAStaleCounter() {
        tx(() -> store.findWorkflow(scope, "workflow", "wf").invoke(w -> {
            // Another instance adds five versions after this transaction read the workflow (counter 0)...
            Sql.execute("update workflow set version_counter = version_counter + 5 where id = ?", workflow.id);
            // ...and this one then changes something else on it.
            w.description = "touched";
        }));

        assertThat(Sql.rows("select version_counter, description from workflow where id = ?", workflow.id).get(0))
                .containsEntry("version_counter", 5L)
                .containsEntry("description", "touched");
        assertThat(tx(() -> store.lockWorkflow(scope, "workflow", "wf")
                .chain(w -> store.addVersion(w, numbered("next")))).number).isEqualTo(6);
    }

    /** Adds three numbered versions to the workflow the loader answers, in one transaction; the workflow rows it updated. */
    private long workflowUpdatesForThreeVersions(Supplier<Uni<Workflow>> loader) {
        return tx(() -> workflowRowsUpdated().chain(before -> loader.get()
                .call(w -> store.addVersion(w, numbered("a")))
                .call(w -> store.addVersion(w, numbered("b")))
                .call(w -> store.addVersion(w, numbered("c")))
                .chain(w -> workflowRowsUpdated())
                .map(after -> after - before)));
    }

    /**
     * Rows of {@code workflow} this connection has updated, as its statistics count them so far (flushing the session
     * first). The count also holds earlier transactions that are not yet published, so only differences within one
     * transaction tell something.
     */
    private static Uni<Long> workflowRowsUpdated() {
        return Panache.getSession()
                .call(session -> session.flush())
                .chain(session -> session.createNativeQuery(
                                "select n_tup_upd from pg_stat_xact_user_tables where relname = 'workflow'")
                        .getSingleResult())
                .map(n -> ((Number) n).longValue());
    }

    private java.util.List<Long> numbers() {
        return Sql.rows("select number from workflow_version where workflow_id = ? order by number", workflow.id)
                .stream().map(r -> ((Number) r.get("number")).longValue()).toList();
    }

    private static NewVersion numbered(String label) {
        return NewVersion.numbered("draft", "test").withLabel(label);
    }
}
