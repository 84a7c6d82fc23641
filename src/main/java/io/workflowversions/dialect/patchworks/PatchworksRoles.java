package io.workflowversions.dialect.patchworks;

import io.workflowversions.security.CredentialType;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Role;

/** Only an admin user's Bearer token may upload (writing needs {@link Role#WRITE}, which API keys have). */
final class PatchworksRoles {

    private PatchworksRoles() {
    }

    static boolean isAdminUser(Principal principal) {
        return principal.type() == CredentialType.PASSWORD && principal.role() == Role.ADMIN;
    }
}
