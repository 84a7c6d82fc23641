package io.workflowversions.admin;

import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every admin call must carry the admin token as a bearer token. */
public class AdminAuthFilter {

    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;

    AdminAuthFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @ServerRequestFilter(preMatching = true)
    public void requireAdminToken(HttpServerRequest request) {
        if (!request.path().startsWith(AdminErrorEnvelope.PREFIX)) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "Send the admin token as 'Authorization: Bearer <token>'");
        }
        if (!adminToken.matches(authorization.substring(BEARER.length()).trim())) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The admin token is not valid");
        }
    }
}
