package io.workflowversions.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The Quarkus Security identity of an authenticated caller: its {@link Principal} and the roles its role grants. */
public final class CallerIdentity {

    private static final String PRINCIPAL = Principal.class.getName();

    private CallerIdentity() {
    }

    public static SecurityIdentity of(Principal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal.credentialId().toString()))
                .addRoles(principal.role().grants())
                .addAttribute(PRINCIPAL, principal)
                .build();
    }

    /** The caller behind the identity; null for an anonymous identity. */
    public static Principal principal(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(PRINCIPAL);
    }
}
