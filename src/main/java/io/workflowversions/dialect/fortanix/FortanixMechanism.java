package io.workflowversions.dialect.fortanix;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.ApiMechanism;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import io.workflowversions.security.ServiceTokenIdentityProvider;
import io.workflowversions.security.ServiceTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Fortanix's scheme, on every path but the login: the bearer JWT from {@code /v1/sys/auth} must name an active
 * session of its credential. On workflow paths the caller acts on the session's selected account.
 */
@ApplicationScoped
public class FortanixMechanism extends ApiMechanism {

    static final String SESSION_CLAIM = "sid";
    private static final String BEARER = "Bearer ";
    private static final String SESSION = FortanixSession.class.getName();
    private static final String USER = FortanixMechanism.class.getName() + ".user";

    private final FortanixSessions sessions;

    FortanixMechanism(FortanixSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.request().path();
        if (!FortanixPaths.owns(path) || FortanixPaths.LOGIN.equals(path)) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Uni.createFrom().failure(new ApiException(FailureKind.UNAUTHENTICATED,
                    "Send the access token from /v1/sys/auth as 'Authorization: Bearer <token>'"));
        }
        String token = authorization.substring(BEARER.length()).trim();
        return identities.authenticate(new ServiceTokenRequest(FortanixPaths.DIALECT, token))
                .flatMap(identity -> sessions.active(sessionId(ServiceTokenIdentityProvider.token(identity)))
                        .map(session -> inSession(identity, session, FortanixPaths.isWorkflowPath(path))));
    }

    /** The session the request's token names. */
    static FortanixSession session(SecurityIdentity identity) {
        FortanixSession session = identity.getAttribute(SESSION);
        if (session == null) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "Authentication required");
        }
        return session;
    }

    /** The user as the credential describes it (its own account, not the selected one). */
    static Principal user(SecurityIdentity identity) {
        session(identity);
        return identity.getAttribute(USER);
    }

    private static SecurityIdentity inSession(SecurityIdentity identity, FortanixSession session, boolean onWorkflows) {
        Principal user = CallerIdentity.principal(identity);
        if (!session.credentialId.equals(user.credentialId())) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token is invalid or expired");
        }
        Principal acting = onWorkflows && session.selectedAccount != null
                ? new Principal(user.credentialId(), user.dialect(), user.type(), user.username(),
                        session.selectedAccount, user.subTenant(), user.role(), user.displayName())
                : user;
        return QuarkusSecurityIdentity.builder(CallerIdentity.of(acting))
                .addAttribute(SESSION, session)
                .addAttribute(USER, user)
                .build();
    }

    private static UUID sessionId(JsonWebToken jwt) {
        Object claim = jwt.getClaim(SESSION_CLAIM);
        String text = claim == null ? null : claim.toString().replace("\"", "");
        if (!Accounts.isUuid(text)) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token names no session");
        }
        return UUID.fromString(text);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ServiceTokenRequest.class);
    }
}
