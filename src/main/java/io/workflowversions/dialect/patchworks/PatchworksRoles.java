package io.workflowversions.dialect.patchworks;

import io.workflowversions.security.Caller;
import io.workflowversions.security.CredentialType;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Role;

/** Who may do what: API keys are manager level; only an admin user's Bearer token may upload. */
final class PatchworksRoles {

    private PatchworksRoles() {
    }

    /** The caller, who must be allowed to change data; 403 otherwise. */
    static Principal writer(Caller caller) {
        Principal principal = caller.principal();
        if (!principal.role().canWrite()) {
            throw Problems.forbidden();
        }
        return principal;
    }

    static boolean isAdminUser(Principal principal) {
        return principal.type() == CredentialType.PASSWORD && principal.role() == Role.ADMIN;
    }
}
