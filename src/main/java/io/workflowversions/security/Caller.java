package io.workflowversions.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The caller of the current request, as its API's authentication mechanism established it; resources scope every
 * store call to the caller's tenant. Only resources that ask for a role (and so are authenticated) read it.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; UNAUTHENTICATED when the request was not authenticated (a missing role: a bug, not a 500). */
    public Principal principal() {
        return Optional.ofNullable(CallerIdentity.principal(identity))
                .orElseThrow(() -> new ApiException(FailureKind.UNAUTHENTICATED, "Authentication required"));
    }
}
