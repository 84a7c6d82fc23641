package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** What operator tools do across tenants: resets, and finding a version by its workflow's key. Panache, as the store. */
@ApplicationScoped
public class StoreMaintenance {

    private final WorkflowRepository workflows;
    private final VersionRepository versions;

    StoreMaintenance(WorkflowRepository workflows, VersionRepository versions) {
        this.workflows = workflows;
        this.versions = versions;
    }

    /**
     * For operator tools that work across tenants: the version of the dialect's workflow with this external key, the
     * workflow locked; narrowed to one tenant when given. NOT_FOUND when there is none.
     */
    @WithTransaction
    public Uni<LockedVersion> lockVersion(String dialect, Optional<String> tenant, String workflowKey, String versionPublicId) {
        StringBuilder where = new StringBuilder("dialect = :dialect and externalKey = :key"
                + " and id = (select v.workflowId from WorkflowVersion v where v.publicId = :publicId)");
        Parameters params = Parameters.with("dialect", dialect).and("key", workflowKey).and("publicId", versionPublicId);
        tenant.ifPresent(t -> {
            where.append(" and tenant = :tenant");
            params.and("tenant", t);
        });
        return workflows.find(where.toString(), params).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new VersionNotFound(versionPublicId))
                .flatMap(workflow -> versions.find("workflowId = ?1 and publicId = ?2", workflow.id, versionPublicId)
                        .firstResult().onItem().ifNull().failWith(() -> new VersionNotFound(versionPublicId))
                        .map(version -> new LockedVersion(workflow, version)));
    }

    /** Whether the dialect has any workflow of this tenant. */
    @WithSession
    public Uni<Boolean> hasWorkflows(String dialect, String tenant) {
        return workflows.count("dialect = ?1 and tenant = ?2", dialect, tenant).map(count -> count > 0);
    }

    /** Deletes workflows and their versions: all of them, or one dialect's, one tenant's, or both. */
    @WithTransaction
    public Uni<ResetCounts> reset(Optional<String> dialect, Optional<String> tenant) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        dialect.ifPresent(d -> {
            where.append(" and dialect = :dialect");
            params.and("dialect", d);
        });
        tenant.ifPresent(t -> {
            where.append(" and tenant = :tenant");
            params.and("tenant", t);
        });
        String filter = where.toString();
        // Versions have no dialect or tenant of their own, so the names in the filter resolve to the workflow.
        return versions.count("workflowId in (select w.id from Workflow w where " + filter + ")", params)
                .flatMap(versionCount -> workflows.delete(filter, params)
                        .map(workflowCount -> new ResetCounts(workflowCount, versionCount)));
    }
}
