package io.workflowversions.dialect.fortanix;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.fortanix.api.AuthApi;
import io.workflowversions.dialect.fortanix.api.model.AuthResponse;
import io.workflowversions.dialect.fortanix.api.model.RefreshResponse;
import io.workflowversions.dialect.fortanix.api.model.SelectAccountResponse;
import io.workflowversions.dialect.fortanix.api.model.SessionInfo;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Roles;
import io.workflowversions.security.TokenService;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Login with HTTP Basic, and the session the token names: select an account, refresh, terminate. */
@Cancellable(false)
public class AuthResource implements AuthApi {

    private static final Logger LOG = Logger.getLogger(AuthResource.class);
    private static final String BASIC = "Basic ";
    private static final String SEND_BASIC = "Send 'Authorization: Basic base64(email:password)' to log in";

    private final CredentialService credentials;
    private final TokenService tokens;
    private final FortanixSessions sessions;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    AuthResource(CredentialService credentials, TokenService tokens, FortanixSessions sessions,
            SecurityIdentity identity, HttpServerRequest request) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.sessions = sessions;
        this.identity = identity;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<AuthResponse>> authenticateUser() {
        String[] user = basicCredentials(request.getHeader("Authorization"));
        return credentials.authenticatePassword(FortanixPaths.DIALECT, user[0], user[1]).flatMap(principal -> {
            UUID sessionId = UUID.randomUUID();
            TokenService.IssuedToken token = tokens.issue(principal, FortanixSessions.TOKEN,
                    Map.of(FortanixMechanism.SESSION_CLAIM, sessionId.toString()));
            return sessions.open(sessionId, principal, Instant.ofEpochSecond(token.expiresAt()))
                    .invoke(session -> LOG.debugf("Fortanix session %s opened for credential %s", session.id,
                            principal.credentialId()))
                    .map(session -> RestResponse.ok(new AuthResponse()
                            .accessToken(token.token())
                            .sessionInfo(info(session))));
        });
    }

    @Override
    @RolesAllowed(Roles.READ)
    public Uni<RestResponse<SelectAccountResponse>> selectAccount(UUID accountId) {
        Principal user = FortanixMechanism.user(identity);
        if (Accounts.accountOf(user).filter(accountId::equals).isEmpty()) {
            throw new ApiException(FailureKind.NOT_FOUND, "Account " + accountId + " was not found for this user");
        }
        return sessions.select(sessionId(), accountId.toString())
                .map(session -> RestResponse.ok(new SelectAccountResponse().sessionInfo(info(session))));
    }

    @Override
    @RolesAllowed(Roles.READ)
    public Uni<RestResponse<RefreshResponse>> refresh() {
        return sessions.refresh(sessionId())
                .map(session -> RestResponse.ok(new RefreshResponse().sessionInfo(info(session))));
    }

    @Override
    @RolesAllowed(Roles.READ)
    public Uni<RestResponse<Void>> terminate() {
        return sessions.end(sessionId()).replaceWith(RestResponse.noContent());
    }

    private UUID sessionId() {
        return FortanixMechanism.session(identity).id;
    }

    private static SessionInfo info(FortanixSession session) {
        return new SessionInfo()
                .subjectId(session.credentialId)
                .sessionExpiresAt(session.expiresAt.getEpochSecond())
                .sessionTokenExpiresAt(session.tokenExpiresAt.getEpochSecond())
                .selectedAccountId(session.selectedAccount == null ? null : UUID.fromString(session.selectedAccount));
    }

    /** The e-mail and password of a Basic header; UNAUTHENTICATED when there is none or it cannot be read. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, SEND_BASIC);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, SEND_BASIC);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, SEND_BASIC);
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
