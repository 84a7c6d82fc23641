package io.workflowversions.store;

import io.workflowversions.clock.ServiceClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operations every dialect needs, over one PostgreSQL database shared by any number of service instances.
 *
 * <p>Every method joins the caller's transaction when there is one, so a dialect composes several of them into the
 * single transaction of its request. The invariants hold in the database, not in this JVM: numbers come from an
 * {@code UPDATE ... RETURNING} on the workflow row, and state changes run under that row's lock and a unique
 * constraint.
 */
@ApplicationScoped
public class VersionStore {

    // The attributes travel as text: a string parameter typed jsonb would be stored as a JSON string.
    static final String INSERT_IF_ABSENT_SQL = "insert into workflow (dialect, tenant, sub_tenant, kind, external_key, name,"
            + " description, attributes, created_at, created_by, updated_at, updated_by)"
            + " values ($1, $2, $3, $4, $5, $6, $7, cast($8 as text)::jsonb, $9, $10, $9, $10)"
            + " on conflict (dialect, tenant, sub_tenant, kind, external_key) do nothing";

    static final String NEXT_NUMBER_SQL =
            "update workflow set version_counter = version_counter + 1 where id = $1 returning version_counter";

    private static final String VERSION_IN_SCOPE = "select v from WorkflowVersion v join Workflow w on w.id = v.workflowId"
            + " where v.publicId = :publicId and w.dialect = :dialect and w.tenant = :tenant and w.subTenant = :subTenant";

    private final WorkflowRepository workflows;
    private final VersionRepository versions;
    private final ReadCache cache;

    VersionStore(WorkflowRepository workflows, VersionRepository versions, ReadCache cache) {
        this.workflows = workflows;
        this.versions = versions;
        this.cache = cache;
    }

    // ---- workflows ------------------------------------------------------------------------------------------

    /** Creates a workflow; an external key already used in the same scope and kind fails with CONFLICT. */
    @WithTransaction
    public Uni<Workflow> createWorkflow(TenantScope scope, NewWorkflow spec) {
        return workflows.findByKey(scope, spec.kind(), spec.externalKey(), LockModeType.NONE)
                .onItem().ifNotNull().failWith(() -> new StoreException(StoreException.Reason.CONFLICT,
                        "workflow " + spec.externalKey() + " already exists"))
                .replaceWith(() -> newWorkflow(scope, spec))
                .call(workflows::persist);
    }

    /**
     * The workflow with this key, created first when it does not exist, and locked until the transaction ends (see
     * {@link #lockWorkflow}). Race-free: when several transactions create the same key at once, one inserts it and
     * the others wait for that insert and then lock the same row, so none of them fails. {@code spec} is used only
     * when the workflow is created.
     */
    @WithTransaction
    public Uni<Workflow> findOrCreateWorkflow(TenantScope scope, NewWorkflow spec) {
        Workflow row = newWorkflow(scope, spec);
        return SessionStatements.update(INSERT_IF_ABSENT_SQL, row.dialect, row.tenant, row.subTenant, row.kind,
                        row.externalKey, row.name, row.description, row.attributes.toString(), utc(row.createdAt),
                        row.createdBy)
                .chain(() -> lockWorkflow(scope, spec.kind(), spec.externalKey()));
    }

    /** The workflow with this key in the scope, or NOT_FOUND. */
    @WithSession
    public Uni<Workflow> findWorkflow(TenantScope scope, String kind, String externalKey) {
        return workflows.findByKey(scope, kind, externalKey, LockModeType.NONE)
                .onItem().ifNull().failWith(() -> new WorkflowNotFound(externalKey));
    }

    /**
     * {@link #findWorkflow} for answering a read: from the {@link ReadCache} when it can be, with a session of its own
     * only when the database is asked. The workflow is shared with other reads: never change it.
     */
    public Uni<Workflow> readWorkflow(TenantScope scope, String kind, String externalKey) {
        return cache.read(new CachedWorkflow(scope, kind, externalKey),
                () -> Panache.withSession(() -> findWorkflow(scope, kind, externalKey))
                        .map(workflow -> new ReadCache.Loaded<>(ChangeTopics.workflow(workflow.id), workflow)));
    }

    private record CachedWorkflow(TenantScope scope, String kind, String externalKey) {
    }

    /**
     * The workflow, locked until the transaction ends: every write to a workflow or its versions that depends on
     * what is there already takes this lock first, so such writes to one workflow run one after another.
     */
    @WithTransaction
    public Uni<Workflow> lockWorkflow(TenantScope scope, String kind, String externalKey) {
        return workflows.findByKey(scope, kind, externalKey, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new WorkflowNotFound(externalKey));
    }

    /**
     * Checks the caller's revision and raises it: the optimistic concurrency of dialects that expose one. Run under
     * {@link #lockWorkflow}, so two writers with the same revision cannot both pass.
     */
    public Workflow advanceRevision(Workflow locked, long expectedRevision, String actor) {
        if (locked.revision != expectedRevision) {
            throw new StoreException(StoreException.Reason.STALE_REVISION,
                    "revision " + expectedRevision + " is not the current revision " + locked.revision);
        }
        locked.revision++;
        return touch(locked, actor);
    }

    /** Records a change of the workflow by {@code actor}; the entity is written when the transaction commits. */
    public Workflow touch(Workflow workflow, String actor) {
        workflow.recordChange(actor);
        return workflow;
    }

    @WithSession
    public Uni<Page<Workflow>> listWorkflows(TenantScope scope, String kind, PageRequest page) {
        return listWorkflows(scope, kind, page, Sort.by("id"));
    }

    /** How many workflows of this kind the scope holds. */
    @WithSession
    public Uni<Long> countWorkflows(TenantScope scope, String kind) {
        return workflows.count(WorkflowRepository.IN_SCOPE, WorkflowRepository.scoped(scope, kind));
    }

    /** Like {@link #listWorkflows(TenantScope, String, PageRequest)}, in the given order (ties broken by creation). */
    @WithSession
    public Uni<Page<Workflow>> listWorkflows(TenantScope scope, String kind, PageRequest page, Sort sort) {
        Parameters params = WorkflowRepository.scoped(scope, kind);
        return Page.window(workflows.find(WorkflowRepository.IN_SCOPE, sort.and("id"), params), page,
                () -> workflows.count(WorkflowRepository.IN_SCOPE, params));
    }

    /** Deletes the workflow and all its versions. */
    @WithTransaction
    public Uni<Void> deleteWorkflow(Workflow workflow) {
        return workflows.delete("id", workflow.id).replaceWithVoid();
    }

    // ---- versions -------------------------------------------------------------------------------------------

    /**
     * Adds a version. A numbered version takes the workflow's next number, raised in the database in this
     * transaction, so concurrent adds get distinct numbers with no gaps. An exclusive state already held by another
     * version is refused when the transaction commits (see {@link #changeState}). A version that is neither numbered
     * nor exclusive depends on nothing else in the workflow, so its workflow need not be locked: a workflow deleted
     * meanwhile fails with NOT_FOUND (the insert's foreign key waits for a delete in progress and then refuses the row,
     * or the delete removes the version with it).
     */
    @WithTransaction
    public Uni<WorkflowVersion> addVersion(Workflow workflow, NewVersion spec) {
        Uni<Long> number = spec.numbered() ? nextNumber(workflow) : Uni.createFrom().nullItem();
        return number.flatMap(allocated -> insert(workflow, newVersion(workflow.id, spec, allocated)));
    }

    static final String INSERT_VERSION_SQL = "insert into workflow_version (workflow_id, public_id, number, label, state,"
            + " exclusive_state, content, attributes, created_at, created_by, updated_at, updated_by, deployed_at)"
            + " values ($1, $2, $3, $4, $5, $6, cast($7 as text)::jsonb, cast($8 as text)::jsonb, $9, $10, $11, $12, $13)"
            + " returning id";

    static final String INSERT_VERSION_BY_KEY_SQL = "insert into workflow_version (workflow_id, public_id, label, state,"
            + " content, attributes, created_at, created_by, updated_at, updated_by)"
            + " select w.id, $6, $7, $8, cast($9 as text)::jsonb, cast($10 as text)::jsonb, $11, $12, $11, $12"
            + " from workflow w where w.dialect = $1 and w.tenant = $2 and w.sub_tenant = $3 and w.kind = $4"
            + " and w.external_key = $5 returning id, workflow_id";

    /**
     * Adds a version that takes no number and no exclusive state to the workflow with this key, in the one statement
     * that also finds the workflow: such a version depends on nothing else in the workflow, so nothing is read or
     * locked first, and outside a caller's transaction the statement is its own. No such workflow: NOT_FOUND.
     */
    @WithSession
    public Uni<WorkflowVersion> addVersion(TenantScope scope, String kind, String externalKey, NewVersion spec) {
        if (spec.numbered() || spec.exclusive()) {
            throw new IllegalArgumentException("a numbered or exclusive version is added to its locked workflow");
        }
        WorkflowVersion version = newVersion(null, spec, null);
        return SessionStatements.row(INSERT_VERSION_BY_KEY_SQL, scope.dialect(), scope.tenant(), scope.subTenant(), kind,
                        externalKey, version.publicId, version.label, version.state, version.content.toString(),
                        version.attributes.toString(), utc(version.createdAt), version.createdBy)
                // The workflow found by the SELECT can be deleted before the row is checked against it.
                .plug(insert -> workflowGoneIsNotFound(insert, externalKey))
                .onItem().ifNull().failWith(() -> new WorkflowNotFound(externalKey))
                .map(row -> {
                    version.id = ((Number) row[0]).longValue();
                    version.workflowId = ((Number) row[1]).longValue();
                    return version;
                });
    }

    /**
     * Inserts a new version with one prepared statement instead of persisting it: the version is not managed by the
     * session afterwards, so a change to it in the same transaction must go through a method that writes it.
     */
    private static Uni<WorkflowVersion> insert(Workflow workflow, WorkflowVersion version) {
        return SessionStatements.number(INSERT_VERSION_SQL, version.workflowId, version.publicId, version.number,
                        version.label, version.state, version.exclusiveState, version.content.toString(),
                        version.attributes.toString(), utc(version.createdAt), version.createdBy, utc(version.updatedAt),
                        version.updatedBy, utc(version.deployedAt))
                .plug(inserted -> workflowGoneIsNotFound(inserted, workflow.externalKey))
                .map(id -> {
                    version.id = id;
                    return version;
                });
    }

    /** A version insert refused by its foreign key: the workflow was deleted meanwhile. */
    private static <T> Uni<T> workflowGoneIsNotFound(Uni<T> insert, String externalKey) {
        return insert.onFailure(e -> SqlState.in(e, SqlState.FOREIGN_KEY_VIOLATION))
                .transform(e -> new WorkflowNotFound(externalKey));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The workflow's next number. When this transaction holds the workflow's row lock (every caller takes it first,
     * see {@link #lockWorkflow}), nobody else can raise the counter until the commit, so it is counted up on the entity
     * and written with the commit: no statement of its own. Otherwise one statement raises it in the database and
     * takes the lock.
     */
    private Uni<Long> nextNumber(Workflow workflow) {
        return Panache.getSession().flatMap(session -> {
            if (session.contains(workflow) && session.getLockMode(workflow) == LockMode.PESSIMISTIC_WRITE) {
                return Uni.createFrom().item(++workflow.versionCounter);
            }
            return SessionStatements.number(NEXT_NUMBER_SQL, workflow.id)
                    .onItem().ifNull().failWith(() -> new WorkflowNotFound(workflow.externalKey))
                    .invoke(n -> workflow.versionCounter = n);
        });
    }

    /** A version by its public id within the scope, or NOT_FOUND; another tenant's version is not found. */
    @WithSession
    public Uni<WorkflowVersion> findVersion(TenantScope scope, String publicId) {
        Parameters params = Parameters.with("publicId", publicId)
                .and("dialect", scope.dialect())
                .and("tenant", scope.tenant())
                .and("subTenant", scope.subTenant());
        return versions.find(VERSION_IN_SCOPE, params).firstResult()
                .onItem().ifNull().failWith(() -> new VersionNotFound(publicId));
    }

    /**
     * {@link #findVersion(TenantScope, String)} as {@code view} renders it, for answering a read: from the
     * {@link ReadCache} when it can be, with a session of its own only when the database is asked. The rendering is
     * what is cached, so a repeated read does not convert the stored document again; {@code view} depends on the
     * version alone (one view per dialect), and its answer is shared with other reads: never change it.
     */
    public <T> Uni<T> readVersion(TenantScope scope, String publicId, Function<WorkflowVersion, T> view) {
        return cache.read(new CachedVersion(scope, publicId),
                () -> Panache.withSession(() -> findVersion(scope, publicId))
                        .map(version -> new ReadCache.Loaded<>(ChangeTopics.version(version.id), view.apply(version))));
    }

    private record CachedVersion(TenantScope scope, String publicId) {
    }

    /** A version of this workflow by its public id, or NOT_FOUND. */
    @WithSession
    public Uni<WorkflowVersion> findVersion(Workflow workflow, String publicId) {
        return versions.find("workflowId = ?1 and publicId = ?2", workflow.id, publicId).firstResult()
                .onItem().ifNull().failWith(() -> new VersionNotFound(publicId));
    }

    /** A version of this workflow by its number, or NOT_FOUND. */
    @WithSession
    public Uni<WorkflowVersion> findVersionByNumber(Workflow workflow, long number) {
        return versions.find("workflowId = ?1 and number = ?2", workflow.id, number).firstResult()
                .onItem().ifNull().failWith(() -> new VersionNotFound(Long.toString(number)));
    }

    /**
     * {@link #findVersionByNumber} as {@code view} renders it, for answering a read: from the {@link ReadCache} when it
     * can be, with a session of its own only when the database is asked. A new version of the workflow leaves it
     * cached; only a change of this version drops it. {@code view} depends on the version alone (one view per kind of
     * workflow), and its answer is shared with other reads: never change it.
     */
    public <T> Uni<T> readVersionByNumber(Workflow workflow, long number, Function<WorkflowVersion, T> view) {
        return cache.read(new CachedNumber(workflow.id, number),
                () -> Panache.withSession(() -> findVersionByNumber(workflow, number))
                        .map(version -> new ReadCache.Loaded<>(ChangeTopics.version(version.id), view.apply(version))));
    }

    private record CachedNumber(long workflowId, long number) {
    }

    /** Every version of these workflows, grouped by workflow in creation order, in one query. */
    @WithSession
    public Uni<List<WorkflowVersion>> versionsOf(Collection<Workflow> owners) {
        if (owners.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = owners.stream().map(w -> w.id).toList();
        return versions.list("workflowId in ?1", Sort.by("workflowId").and("id"), ids);
    }

    /** The version of this workflow holding an exclusive state, if any. */
    @WithSession
    public Uni<Optional<WorkflowVersion>> holderOf(Workflow workflow, String exclusiveState) {
        return versions.find("workflowId = ?1 and exclusiveState = ?2", workflow.id, exclusiveState).firstResult()
                .map(Optional::ofNullable);
    }

    /** A window of a workflow's versions in creation order. */
    public Uni<Page<WorkflowVersion>> listVersions(Workflow workflow, PageRequest page) {
        return listVersions(workflow, List.of(), Sort.by("id"), page);
    }

    /**
     * Moves a version to another state under its workflow's row lock. An exclusive state that another version still
     * holds when the transaction commits is refused there by the database (its unique constraint is deferred, so the
     * order of the changes within the transaction does not matter): the commit fails with SQLSTATE 23505, which the
     * HTTP layer answers as a conflict. The dialect, holding the lock, moves the holder out first
     * ({@link #holderOf}), so a request never gets that far.
     */
    @WithTransaction
    public Uni<WorkflowVersion> changeState(WorkflowVersion version, String state, boolean exclusive, String actor) {
        return lockById(version.workflowId).map(locked -> {
            version.state = state;
            version.exclusiveState = exclusive ? state : null;
            version.recordChange(actor);
            return version;
        });
    }

    /**
     * Moves a version of a locked workflow into an exclusive state, after the version that holds it, if another one,
     * was dealt with as {@code policy} says.
     */
    @WithTransaction
    public Uni<WorkflowVersion> handOver(LockedVersion locked, String state, HandOver policy, String actor) {
        return release(locked.workflow(), state, locked.version(), policy, actor)
                .flatMap(released -> changeState(locked.version(), state, true, actor));
    }

    /**
     * Frees an exclusive state of a locked workflow for {@code taker} (null for a version still to be added): the
     * version that holds it, if another one, is moved, deleted or the hand-over refused, as {@code policy} says.
     */
    @WithTransaction
    public Uni<Void> release(Workflow locked, String state, WorkflowVersion taker, HandOver policy, String actor) {
        return holderOf(locked, state).flatMap(holder -> {
            if (holder.isEmpty() || taker != null && holder.get().id.equals(taker.id)) {
                return Uni.createFrom().voidItem();
            }
            WorkflowVersion previous = holder.get();
            if (policy instanceof HandOver.MoveTo move) {
                return changeState(previous, move.state(), false, actor).invoke(move.alsoChange()).replaceWithVoid();
            }
            if (policy instanceof HandOver.Refuse refuse) {
                return Uni.createFrom().failure(refuse.failure().apply(previous));
            }
            return deleteVersion(previous);
        });
    }

    @WithTransaction
    public Uni<Void> deleteVersion(WorkflowVersion version) {
        return versions.delete("id", version.id).replaceWithVoid();
    }

    // ---- filtered lists and locks by version ----------------------------------------------------------------

    private static final String WORKFLOW_OF_VERSION = "dialect = :dialect and tenant = :tenant and subTenant = :subTenant"
            + " and id = (select v.workflowId from WorkflowVersion v where v.publicId = :publicId)";

    /**
     * A window of a workflow's versions in any of {@code states} (all versions when empty), in {@code sort} order
     * with the internal id breaking ties. Sort properties are those of {@link WorkflowVersion}.
     */
    @WithSession
    public Uni<Page<WorkflowVersion>> listVersions(Workflow workflow, Collection<String> states, Sort sort, PageRequest page) {
        String where = inStates(states);
        Parameters params = inStates(workflow, states);
        return Page.window(versions.find(where, sort.and("id"), params), page, () -> versions.count(where, params));
    }

    /** Every version of a workflow in any of {@code states} (all when empty), in {@code sort} order, the id breaking ties. */
    @WithSession
    public Uni<List<WorkflowVersion>> listVersions(Workflow workflow, Collection<String> states, Sort sort) {
        return versions.list(inStates(states), sort.and("id", sort.getColumns().get(0).getDirection()),
                inStates(workflow, states));
    }

    private static String inStates(Collection<String> states) {
        return "workflowId = :workflowId" + (states.isEmpty() ? "" : " and state in :states");
    }

    private static Parameters inStates(Workflow workflow, Collection<String> states) {
        Parameters params = Parameters.with("workflowId", workflow.id);
        return states.isEmpty() ? params : params.and("states", List.copyOf(states));
    }

    /**
     * For each of these workflows, in one query: its version with the highest number, or, when it has no numbered
     * version, the one holding {@code fallbackState}; a workflow with neither is missing from the map.
     */
    @WithSession
    public Uni<Map<Long, WorkflowVersion>> latestVersions(Collection<Workflow> owners, String fallbackState) {
        if (owners.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Long> ids = owners.stream().map(w -> w.id).toList();
        // SQL rather than HQL: the HQL form of this (a correlated max() or not exists()) costs Hibernate's parser
        // seconds and hundreds of MB on its first use, more than the native executable's heap.
        return Panache.getSession().flatMap(session -> session.createNativeQuery("select distinct on (v.workflow_id) v.*"
                                + " from workflow_version v where v.workflow_id in (:ids)"
                                + " and (v.number is not null or v.exclusive_state = :fallback)"
                                + " order by v.workflow_id, v.number desc nulls last", WorkflowVersion.class)
                        .setParameter("ids", ids)
                        .setParameter("fallback", fallbackState)
                        .getResultList())
                .map(found -> found.stream().collect(Collectors.toMap(v -> v.workflowId, v -> v)));
    }

    /** How many versions the workflow has. */
    @WithSession
    public Uni<Long> countVersions(Workflow workflow) {
        return versions.count("workflowId", workflow.id);
    }

    /**
     * The version with this public id in the scope and its workflow, the workflow locked as by {@link #lockWorkflow};
     * NOT_FOUND when the scope has no such version. Two statements: the lock, then the version, read in a statement
     * that starts after the lock was granted, so that it is the version every earlier writer left behind.
     */
    @WithTransaction
    public Uni<LockedVersion> lockVersion(TenantScope scope, String publicId) {
        Parameters params = Parameters.with("dialect", scope.dialect())
                .and("tenant", scope.tenant())
                .and("subTenant", scope.subTenant())
                .and("publicId", publicId);
        return workflows.find(WORKFLOW_OF_VERSION, params).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new VersionNotFound(publicId))
                .flatMap(workflow -> findVersion(workflow, publicId).map(version -> new LockedVersion(workflow, version)));
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** The workflow, locked; no statement when this transaction holds the lock already (see {@link #lockWorkflow}). */
    private Uni<Workflow> lockById(Long workflowId) {
        return Panache.getSession().flatMap(session -> session.find(Workflow.class, workflowId, LockMode.PESSIMISTIC_WRITE));
    }

    private static Workflow newWorkflow(TenantScope scope, NewWorkflow spec) {
        Workflow workflow = new Workflow();
        workflow.dialect = scope.dialect();
        workflow.tenant = scope.tenant();
        workflow.subTenant = scope.subTenant();
        workflow.kind = spec.kind();
        workflow.externalKey = spec.externalKey();
        workflow.name = spec.name();
        workflow.description = spec.description();
        workflow.attributes = orEmpty(spec.attributes());
        workflow.revision = 1;
        workflow.recordCreation(spec.actor());
        return workflow;
    }

    private static WorkflowVersion newVersion(Long workflowId, NewVersion spec, Long number) {
        WorkflowVersion version = new WorkflowVersion();
        version.workflowId = workflowId;
        version.publicId = spec.publicId() != null ? spec.publicId() : UUID.randomUUID().toString();
        version.number = number;
        version.label = spec.label();
        version.state = spec.state();
        version.exclusiveState = spec.exclusive() ? spec.state() : null;
        version.content = orEmpty(spec.content());
        version.attributes = orEmpty(spec.attributes());
        version.recordCreation(spec.actor());
        return version;
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node != null ? node : JsonNodeFactory.instance.objectNode();
    }

    /**
     * Now by the service's clock (a test suite may have set it): PostgreSQL keeps microseconds; truncating here makes
     * what we answer equal what we stored.
     */
    public static Instant now() {
        return ServiceClock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
