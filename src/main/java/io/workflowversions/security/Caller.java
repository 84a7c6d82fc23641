package io.workflowversions.security;

import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.RequestScoped;

/**
 * The authenticated caller of the current request. A dialect's authentication filter sets it once; resources read it
 * to scope every store call to the caller's tenant and to check the caller's role.
 */
@RequestScoped
public class Caller {

    private Principal principal;

    public void authenticate(Principal principal) {
        this.principal = principal;
    }

    /** The caller; UNAUTHENTICATED when the request was not authenticated (a filter is missing: a bug, not a 500). */
    public Principal principal() {
        if (principal == null) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "Authentication required");
        }
        return principal;
    }

    /** The caller, who must be allowed to write; FORBIDDEN for a reader. */
    public Principal writer() {
        Principal current = principal();
        if (!current.role().canWrite()) {
            throw new ApiException(FailureKind.FORBIDDEN, "This credential may only read");
        }
        return current;
    }
}
