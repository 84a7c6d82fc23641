package io.workflowversions.admin;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.ApiMechanism;
import io.workflowversions.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The admin API's scheme, on every path under {@code /admin/}: this run's admin token as a bearer token. The token
 * is no stored credential, so it is checked here rather than by an identity provider.
 */
@ApplicationScoped
public class AdminTokenMechanism extends ApiMechanism {

    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;

    AdminTokenMechanism(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.request().path().startsWith(AdminErrorEnvelope.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new ApiException(FailureKind.UNAUTHENTICATED,
                    "Send the admin token as 'Authorization: Bearer <token>'"));
        }
        if (!adminToken.matches(authorization.substring(BEARER.length()).trim())) {
            return Uni.createFrom().failure(new ApiException(FailureKind.UNAUTHENTICATED, "The admin token is not valid"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("admin"))
                .addRole(Roles.OPERATE)
                .build());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
