package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
class WorkflowRepository implements PanacheRepository<Workflow> {

    private static final String BY_KEY = "dialect = :dialect and tenant = :tenant and subTenant = :subTenant"
            + " and kind = :kind and externalKey = :key";
    static final String IN_SCOPE = "dialect = :dialect and tenant = :tenant and subTenant = :subTenant and kind = :kind";

    Uni<Workflow> findByKey(TenantScope scope, String kind, String key, LockModeType lock) {
        return find(BY_KEY, scoped(scope, kind).and("key", key)).withLock(lock).firstResult();
    }

    static Parameters scoped(TenantScope scope, String kind) {
        return Parameters.with("dialect", scope.dialect())
                .and("tenant", scope.tenant())
                .and("subTenant", scope.subTenant())
                .and("kind", kind);
    }
}
