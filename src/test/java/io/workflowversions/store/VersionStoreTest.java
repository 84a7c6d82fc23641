package io.workflowversions.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Concurrently.Outcome;
import io.workflowversions.support.Sql;
import io.workflowversions.support.TestDatabase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's invariants (README, Architecture), against the real PostgreSQL, with real concurrency. */
@QuarkusTest
class VersionStoreTest {

    @Inject
    VersionStore store;

    @Inject
    StoreMaintenance maintenance;

    TenantScope scope;

    @BeforeEach
    void freshTenant() {
        scope = TenantScope.of("secmaster", "tenant-" + UUID.randomUUID());
    }

    // ---- invariant 1: numbers allocated atomically in the database ------------------------------------------

    @Test
    void sixtyFourConcurrentCreatesGetExactlyTheNumbersOneToSixtyFour() {
        Workflow workflow = createWorkflow(scope, "wf");

        List<Outcome<Long>> outcomes = Concurrently.run(64, i -> () -> tx(() -> store.findWorkflow(scope, "workflow", "wf")
                .flatMap(w -> store.addVersion(w, numbered("v" + i)))
                .map(v -> v.number)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().map(Outcome::value)).containsExactlyInAnyOrderElementsOf(range(1, 64));
        assertThat(Sql.rows("select number from workflow_version where workflow_id = ? order by number", workflow.id)
                .stream().map(r -> ((Number) r.get("number")).longValue()))
                .containsExactlyElementsOf(range(1, 64));
        assertThat(Sql.count("select version_counter from workflow where id = ?", workflow.id)).isEqualTo(64);
    }

    @Test
    void twoIndependentConnectionPoolsShareTheNumberingWithoutDuplicates() throws Exception {
        Workflow workflow = createWorkflow(scope, "wf");
        Vertx vertx = Vertx.vertx();
        Pool otherInstance = PgBuilder.pool()
                .connectingTo(PgConnectOptions.fromUri(TestDatabase.instance().reactiveUrl())
                        .setUser("postgres").setPassword("postgres"))
                .with(new PoolOptions().setMaxSize(16))
                .using(vertx)
                .build();
        try {
            // Half the creates go through this service's store, half through a second pool that runs the same
            // statements in the same transaction shape, as a second service instance would.
            List<Outcome<Long>> outcomes = Concurrently.run(64, i -> () -> i % 2 == 0
                    ? tx(() -> store.findWorkflow(scope, "workflow", "wf")
                            .flatMap(w -> store.addVersion(w, numbered("a" + i))).map(v -> v.number))
                    : addThroughOtherPool(otherInstance, workflow.id));

            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertThat(outcomes.stream().map(Outcome::value)).containsExactlyInAnyOrderElementsOf(range(1, 64));
            assertThat(Sql.count("select count(distinct number) from workflow_version where workflow_id = ?", workflow.id))
                    .isEqualTo(64);
        } finally {
            otherInstance.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Long addThroughOtherPool(Pool pool, long workflowId) throws Exception {
        return pool.withTransaction(connection -> connection
                        .preparedQuery(VersionStore.NEXT_NUMBER_SQL)
                        .execute(Tuple.of(workflowId))
                        .map(rows -> rows.iterator().next().getLong(0))
                        .compose(number -> connection.preparedQuery("insert into workflow_version"
                                        + " (workflow_id, public_id, number, state, content, created_at, updated_at)"
                                        + " values ($1, $2, $3, 'draft', '{}'::jsonb, now(), now())")
                                .execute(Tuple.of(workflowId, UUID.randomUUID().toString(), number))
                                .map(inserted -> number)))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void deletedNumbersAreNotReused() {
        Workflow workflow = createWorkflow(scope, "wf");
        WorkflowVersion first = tx(() -> store.addVersion(workflow, numbered("a")));
        tx(() -> store.addVersion(workflow, numbered("b")));
        tx(() -> store.findVersion(scope, first.publicId).flatMap(store::deleteVersion));

        WorkflowVersion third = tx(() -> store.addVersion(workflow, numbered("c")));

        assertThat(third.number).isEqualTo(3);
        assertThat(Sql.rows("select number from workflow_version where workflow_id = ? order by number", workflow.id)
                .stream().map(r -> ((Number) r.get("number")).longValue())).containsExactly(2L, 3L);
    }

    // ---- invariant 2: at most one version per exclusive state ------------------------------------------------

    @Test
    void concurrentActivationsOfDifferentVersionsLeaveExactlyOneActivated() {
        Workflow workflow = createWorkflow(scope, "wf");
        List<String> ids = LongStream.range(0, 20)
                .mapToObj(i -> tx(() -> store.addVersion(workflow, numbered("v" + i))).publicId)
                .toList();

        List<Outcome<String>> outcomes = Concurrently.run(20, i -> () -> tx(() -> activate(ids.get(i))));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ? and state = 'activated'",
                workflow.id)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ? and exclusive_state is not null",
                workflow.id)).isEqualTo(1);
    }

    /** What a dialect does to activate: lock the workflow, move the current holder out, move this one in. */
    private Uni<String> activate(String publicId) {
        return store.lockWorkflow(scope, "workflow", "wf")
                .flatMap(workflow -> store.holderOf(workflow, "activated"))
                .flatMap(holder -> holder.isPresent()
                        ? store.changeState(holder.get(), "not_activated", false, "test").replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(none -> store.findVersion(scope, publicId))
                .flatMap(version -> store.changeState(version, "activated", true, "test"))
                .map(version -> version.publicId);
    }

    @Test
    void takingAnExclusiveStateThatIsHeldIsRefusedAtCommitAndChangesNothing() {
        Workflow workflow = createWorkflow(scope, "wf");
        WorkflowVersion held = tx(() -> store.addVersion(workflow, exclusive("held", "deployed")));
        WorkflowVersion other = tx(() -> store.addVersion(workflow, numbered("other")));

        assertThatThrownBy(() -> tx(() -> store.findVersion(scope, other.publicId)
                .flatMap(v -> store.changeState(v, "deployed", true, "test"))))
                .satisfies(VersionStoreTest::isUniqueViolation);

        assertThat(Sql.rows("select public_id, state from workflow_version where workflow_id = ? order by id", workflow.id))
                .extracting(r -> r.get("public_id") + ":" + r.get("state"))
                .containsExactly(held.publicId + ":deployed", other.publicId + ":draft");
    }

    @Test
    void addingAVersionInAnExclusiveStateThatIsHeldIsRefusedAtCommitAndWritesNothing() {
        Workflow workflow = createWorkflow(scope, "wf");
        WorkflowVersion held = tx(() -> store.addVersion(workflow, exclusive("held", "draft")));

        assertThatThrownBy(() -> tx(() -> store.findWorkflow(scope, "workflow", "wf")
                .flatMap(w -> store.addVersion(w, exclusive("second", "draft")))))
                .satisfies(VersionStoreTest::isUniqueViolation);

        assertThat(Sql.rows("select public_id from workflow_version where workflow_id = ?", workflow.id))
                .extracting(r -> r.get("public_id"))
                .containsExactly(held.publicId);
    }

    /** A holder moved out earlier in the same transaction frees the state: the constraint is checked at commit. */
    @Test
    void aHolderMovedOutEarlierInTheTransactionFreesTheState() {
        Workflow workflow = createWorkflow(scope, "wf");
        WorkflowVersion first = tx(() -> store.addVersion(workflow, exclusive("first", "draft")));
        WorkflowVersion second = tx(() -> store.lockWorkflow(scope, "workflow", "wf")
                .flatMap(w -> store.holderOf(w, "draft")
                        .flatMap(holder -> store.changeState(holder.orElseThrow(), "inactive", false, "test"))
                        .flatMap(demoted -> store.addVersion(w, exclusive("second", "draft")))));
        tx(() -> store.lockWorkflow(scope, "workflow", "wf")
                .flatMap(w -> store.holderOf(w, "draft")
                        .flatMap(holder -> store.changeState(holder.orElseThrow(), "inactive", false, "test"))
                        .flatMap(demoted -> store.findVersion(scope, first.publicId))
                        .flatMap(again -> store.changeState(again, "draft", true, "test"))));

        assertThat(Sql.rows("select public_id, state, exclusive_state from workflow_version where workflow_id = ? order by id",
                workflow.id))
                .extracting(r -> r.get("public_id") + ":" + r.get("state") + ":" + r.get("exclusive_state"))
                .containsExactly(first.publicId + ":draft:draft", second.publicId + ":inactive:null");
    }

    @Test
    void theDatabaseItselfRefusesASecondHolder() {
        Workflow workflow = createWorkflow(scope, "wf");
        tx(() -> store.addVersion(workflow, exclusive("held", "deployed")));

        assertThatThrownBy(() -> Sql.execute("insert into workflow_version (workflow_id, public_id, state, exclusive_state,"
                + " content, created_at, updated_at) values (?, ?, 'deployed', 'deployed', '{}'::jsonb, now(), now())",
                workflow.id, UUID.randomUUID().toString()))
                .hasMessageContaining("workflow_version_exclusive_unique");
    }

    @Test
    void concurrentWritersWithTheSameRevisionOnlyOneWins() {
        createWorkflow(scope, "wf");

        List<Outcome<Long>> outcomes = Concurrently.run(10, i -> () -> tx(() -> store.lockWorkflow(scope, "workflow", "wf")
                .map(w -> store.advanceRevision(w, 1, "writer" + i).revision)));

        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .hasSize(9)
                .allMatch(o -> o.failure() instanceof StoreException e && e.reason() == StoreException.Reason.STALE_REVISION);
        assertThat(Sql.count("select revision from workflow where tenant = ?", scope.tenant())).isEqualTo(2);
    }

    // ---- invariant 3: tenants never see each other -----------------------------------------------------------

    @Test
    void anotherTenantsWorkflowsAndVersionsAreNotFound() {
        Workflow workflow = createWorkflow(scope, "wf");
        WorkflowVersion version = tx(() -> store.addVersion(workflow, numbered("a")));
        TenantScope intruder = TenantScope.of(scope.dialect(), "intruder-" + UUID.randomUUID());
        TenantScope otherDialect = TenantScope.of("patchworks", scope.tenant());

        assertNotFound(() -> tx(() -> store.findWorkflow(intruder, "workflow", "wf")));
        assertNotFound(() -> tx(() -> store.lockWorkflow(intruder, "workflow", "wf")));
        assertNotFound(() -> tx(() -> store.findVersion(intruder, version.publicId)));
        assertNotFound(() -> tx(() -> store.findVersion(otherDialect, version.publicId)));
        assertNotFound(() -> tx(() -> store.findWorkflow(new TenantScope(scope.dialect(), scope.tenant(), "child"), "workflow", "wf")));
        assertThat(tx(() -> store.listWorkflows(intruder, "workflow", new PageRequest(0, 10))).total()).isZero();
    }

    @Test
    void theSameKeyUnderTwoTenantsNamesTwoWorkflows() {
        TenantScope other = TenantScope.of(scope.dialect(), "other-" + UUID.randomUUID());
        Workflow mine = createWorkflow(scope, "shared-key");
        Workflow theirs = createWorkflow(other, "shared-key");

        assertThat(mine.id).isNotEqualTo(theirs.id);
        assertThatThrownBy(() -> createWorkflow(scope, "shared-key"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));
    }

    // ---- invariant 4: a failed request writes nothing --------------------------------------------------------

    @Test
    void aTransactionThatFailsLeavesNoTrace() {
        assertThatThrownBy(() -> tx(() -> store.createWorkflow(scope, new NewWorkflow("workflow", "doomed", "n", null, null, "t"))
                .flatMap(w -> store.addVersion(w, numbered("a")))
                .flatMap(v -> Uni.createFrom().failure(new IllegalStateException("the request fails late")))))
                .hasMessage("the request fails late");

        assertThat(Sql.count("select count(*) from workflow where tenant = ?", scope.tenant())).isZero();
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ?", scope.tenant())).isZero();
    }

    // ---- listing, deleting, resetting ------------------------------------------------------------------------

    @Test
    void listsVersionsPageByPageInCreationOrder() {
        Workflow workflow = createWorkflow(scope, "wf");
        for (int i = 0; i < 25; i++) {
            int n = i;
            tx(() -> store.addVersion(workflow, numbered("v" + n)));
        }

        Page<WorkflowVersion> page = tx(() -> store.listVersions(workflow, new PageRequest(10, 10)));
        Page<WorkflowVersion> last = tx(() -> store.listVersions(workflow, PageRequest.ofPage(3, 10)));
        Page<WorkflowVersion> beyond = tx(() -> store.listVersions(workflow, new PageRequest(100, 10)));

        assertThat(page.total()).isEqualTo(25);
        assertThat(page.items()).extracting(v -> v.number).containsExactlyElementsOf(range(11, 20));
        assertThat(last.items()).extracting(v -> v.number).containsExactlyElementsOf(range(21, 25));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
    }

    @Test
    void latestVersionsGivesEachWorkflowItsHighestNumberOrElseTheFallbackHolder() {
        Workflow numberedOnes = createWorkflow(scope, "numbered");
        Workflow draftOnly = createWorkflow(scope, "draft-only");
        Workflow empty = createWorkflow(scope, "empty");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            tx(() -> store.addVersion(numberedOnes, numbered("v" + n)));
        }
        tx(() -> store.addVersion(numberedOnes, NewVersion.unnumbered("draft", "test").inExclusiveState().withLabel("d1")));
        tx(() -> store.addVersion(draftOnly, NewVersion.unnumbered("other", "test").withLabel("loose")));
        tx(() -> store.addVersion(draftOnly, NewVersion.unnumbered("draft", "test").inExclusiveState().withLabel("d2")));

        var latest = tx(() -> store.latestVersions(List.of(numberedOnes, draftOnly, empty), "draft"));

        assertThat(latest).containsOnlyKeys(numberedOnes.id, draftOnly.id);
        assertThat(latest.get(numberedOnes.id).number).isEqualTo(3L);
        assertThat(latest.get(draftOnly.id).label).isEqualTo("d2");
        assertThat(tx(() -> store.latestVersions(List.of(), "draft"))).isEmpty();
    }

    @Test
    void aVersionAddedToAWorkflowDeletedMeanwhileIsNotFoundAndNotWritten() {
        Workflow workflow = createWorkflow(scope, "wf");
        tx(() -> store.findWorkflow(scope, "workflow", "wf").flatMap(store::deleteWorkflow));

        // The workflow as a writer read it (without its lock) before the delete committed.
        assertNotFound(() -> tx(() -> store.addVersion(workflow, NewVersion.unnumbered("draft", "test"))));

        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", workflow.id)).isZero();
    }

    @Test
    void aVersionAddedByKeyFindsItsWorkflowInTheSameStatementAndOnlyInTheCallersScope() {
        Workflow workflow = createWorkflow(scope, "wf");
        TenantScope intruder = TenantScope.of(scope.dialect(), "intruder-" + UUID.randomUUID());
        NewVersion spec = NewVersion.unnumbered("pending_submit", "test").withLabel("by key")
                .withContent(JsonNodeFactory.instance.objectNode().put("taskflow", "x"));

        // Outside any transaction, as SecMaster's create calls it: the statement is its own transaction.
        WorkflowVersion added = session(() -> store.addVersion(scope, "workflow", "wf", spec));

        assertThat(added.workflowId).isEqualTo(workflow.id);
        assertThat(Sql.rows("select id, label, number, exclusive_state, content ->> 'taskflow' as taskflow"
                + " from workflow_version where public_id = ?", added.publicId))
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("id")).longValue()).isEqualTo(added.id);
                    assertThat(row.get("label")).isEqualTo("by key");
                    assertThat(row.get("number")).isNull();
                    assertThat(row.get("exclusive_state")).isNull();
                    assertThat(row.get("taskflow")).isEqualTo("x");
                });
        assertNotFound(() -> session(() -> store.addVersion(intruder, "workflow", "wf", spec)));
        assertNotFound(() -> session(() -> store.addVersion(scope, "workflow", "no-such-key", spec)));
        assertNotFound(() -> session(() -> store.addVersion(scope, "definition", "wf", spec)));
        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", workflow.id)).isEqualTo(1);
        assertThatThrownBy(() -> session(() -> store.addVersion(scope, "workflow", "wf", numbered("n"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cachedReadsByKeyAndNumberAreScopedToTheirTenant() {
        Workflow workflow = createWorkflow(scope, "wf");
        tx(() -> store.addVersion(workflow, numbered("one")));
        TenantScope intruder = TenantScope.of(scope.dialect(), "intruder-" + UUID.randomUUID());

        Workflow read = session(() -> store.readWorkflow(scope, "workflow", "wf"));
        assertThat(read.id).isEqualTo(workflow.id);
        String label = session(() -> store.readVersionByNumber(read, 1, v -> v.label));
        assertThat(label).isEqualTo("one");
        assertNotFound(() -> session(() -> store.readWorkflow(intruder, "workflow", "wf")));
        assertNotFound(() -> session(() -> store.readVersionByNumber(read, 2, v -> v.label)));
    }

    @Test
    void aNumberedVersionForAWorkflowDeletedMeanwhileIsNotFound() {
        Workflow workflow = createWorkflow(scope, "wf");
        tx(() -> store.findWorkflow(scope, "workflow", "wf").flatMap(store::deleteWorkflow));

        assertNotFound(() -> tx(() -> store.addVersion(workflow, numbered("a"))));

        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", workflow.id)).isZero();
    }

    @Test
    void deletingAWorkflowDeletesItsVersions() {
        Workflow workflow = createWorkflow(scope, "wf");
        tx(() -> store.addVersion(workflow, numbered("a")));

        tx(() -> store.findWorkflow(scope, "workflow", "wf").flatMap(store::deleteWorkflow));

        assertThat(Sql.count("select count(*) from workflow where id = ?", workflow.id)).isZero();
        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", workflow.id)).isZero();
    }

    @Test
    void resetDeletesOnlyTheGivenScope() {
        TenantScope other = TenantScope.of(scope.dialect(), "other-" + UUID.randomUUID());
        Workflow mine = createWorkflow(scope, "wf");
        tx(() -> store.addVersion(mine, numbered("a")));
        tx(() -> store.addVersion(mine, numbered("b")));
        createWorkflow(other, "wf");

        ResetCounts counts = tx(() -> maintenance.reset(Optional.of(scope.dialect()), Optional.of(scope.tenant())));

        assertThat(counts).isEqualTo(new ResetCounts(1, 2));
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", scope.tenant())).isZero();
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", other.tenant())).isEqualTo(1);
    }

    @Test
    void contentIsStoredAsJsonbAndReadBackUnchanged() {
        Workflow workflow = createWorkflow(scope, "wf");
        var content = JsonNodeFactory.instance.objectNode().put("name", "x'); drop table workflow; --")
                .set("nested", JsonNodeFactory.instance.arrayNode().add(1).add("<script>"));
        WorkflowVersion created = tx(() -> store.addVersion(workflow,
                NewVersion.numbered("draft", "t").withContent(content)));

        WorkflowVersion read = tx(() -> store.findVersion(scope, created.publicId));

        assertThat(read.content).isEqualTo(content);
        assertThat(Sql.count("select count(*) from workflow_version where public_id = ? and jsonb_typeof(content) = 'object'"
                + " and content -> 'nested' ->> 1 = '<script>'", created.publicId)).isEqualTo(1);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Workflow createWorkflow(TenantScope owner, String key) {
        return tx(() -> store.createWorkflow(owner, new NewWorkflow("workflow", key, "Workflow " + key, null, null, "test")));
    }

    private static NewVersion numbered(String label) {
        return NewVersion.numbered("draft", "test").withLabel(label);
    }

    private static NewVersion exclusive(String label, String state) {
        return NewVersion.numbered(state, "test").inExclusiveState().withLabel(label);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    /** The deferred unique constraint on (workflow, exclusive state), as the HTTP layer sees it: SQLSTATE 23505. */
    private static void isUniqueViolation(Throwable failure) {
        assertThat(SqlState.in(failure, "23505")).as("SQLSTATE 23505 in %s", failure).isTrue();
    }

    /** Runs the work on a Vert.x context without a transaction, as a read or a one-statement write would. */
    static <T> T session(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the work in its own transaction on a Vert.x context, as a request would, and waits for it. */
    static <T> T tx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
