package io.workflowversions.security;

import io.workflowversions.store.TenantScope;
import java.util.UUID;

/** An authenticated caller: whose data it may touch and what it may do. */
public record Principal(UUID credentialId, String dialect, CredentialType type, String username, String tenant,
        String subTenant, Role role, String displayName) {

    public TenantScope scope() {
        return new TenantScope(dialect, tenant, subTenant);
    }

    /** The name to record as author of a change. */
    public String actor() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return username != null ? username : credentialId.toString();
    }
}
