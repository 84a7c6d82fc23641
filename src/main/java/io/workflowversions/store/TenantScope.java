package io.workflowversions.store;

import java.util.Objects;

/**
 * Who owns data: a dialect, its tenant (account, project, customer or company) and an optional sub-tenant
 * (FrankieOne's customer child). Every store query is narrowed by one.
 */
public record TenantScope(String dialect, String tenant, String subTenant) {

    public TenantScope {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(tenant, "tenant");
        subTenant = subTenant == null ? "" : subTenant;
    }

    public static TenantScope of(String dialect, String tenant) {
        return new TenantScope(dialect, tenant, "");
    }
}
