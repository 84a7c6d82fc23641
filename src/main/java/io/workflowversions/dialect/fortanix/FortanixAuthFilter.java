package io.workflowversions.dialect.fortanix;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Caller;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.Principal;
import io.workflowversions.security.TokenService;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every Fortanix call except the login: the bearer JWT must be ours, name an active session, and
 * belong to a credential that still exists. The caller then acts on the session's selected account. It also turns
 * the parameters the framework would answer 404 for (a non-uuid id, a non-integer limit) into the contract's 400.
 */
public class FortanixAuthFilter {

    static final String SESSION_CLAIM = "sid";
    private static final String BEARER = "Bearer ";
    private static final Pattern GRAPH = Pattern.compile("^/v1/workflows/(draft|final)/graphs/([^/]+)(/[^/]+)?/?$");
    private static final Pattern ACCOUNT = Pattern.compile("^/v1/sys/session/select_account/([^/]+)/?$");
    private static final List<String> UUID_QUERY = List.of("acct_id", "parent_graph_id");
    private static final List<String> INTEGER_QUERY = List.of("limit", "offset");

    private final TokenService tokens;
    private final CredentialService credentials;
    private final FortanixSessions sessions;
    private final CurrentSession current;
    private final Caller caller;

    FortanixAuthFilter(TokenService tokens, CredentialService credentials, FortanixSessions sessions,
            CurrentSession current, Caller caller) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.sessions = sessions;
        this.current = current;
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> authenticate(HttpServerRequest request) {
        String path = request.path();
        if (!FortanixPaths.owns(path)) {
            return Uni.createFrom().voidItem();
        }
        // Fortanix answers JSON or plain text whatever the client accepts; a bodiless 204 is not negotiated either.
        request.headers().set("Accept", "*/*");
        if (FortanixPaths.LOGIN.equals(path)) {
            return Uni.createFrom().voidItem();
        }
        JsonWebToken jwt = tokens.verify(bearer(request), FortanixPaths.DIALECT);
        UUID sessionId = sessionId(jwt);
        UUID credentialId = TokenService.credentialId(jwt);
        return sessions.active(sessionId)
                .flatMap(session -> {
                    if (!session.credentialId.equals(credentialId)) {
                        throw new ApiException(FailureKind.UNAUTHENTICATED, "The token is invalid or expired");
                    }
                    return credentials.principal(credentialId).invoke(user -> admit(request, session, user));
                })
                .replaceWithVoid();
    }

    private void admit(HttpServerRequest request, FortanixSession session, Principal user) {
        current.set(session, user);
        String path = request.path();
        checkParameters(request, path);
        if (!FortanixPaths.isWorkflowPath(path)) {
            caller.authenticate(user);
            return;
        }
        if (session.selectedAccount == null) {
            throw new ApiException(FailureKind.FORBIDDEN, "No account is selected in this session");
        }
        Principal acting = new Principal(user.credentialId(), user.dialect(), user.type(), user.username(),
                session.selectedAccount, user.subTenant(), user.role(), user.displayName());
        caller.authenticate(acting);
        String method = request.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && !user.role().canWrite()) {
            throw new ApiException(FailureKind.FORBIDDEN, "This user may only read workflows");
        }
        String acctId = request.getParam("acct_id");
        if (acctId != null && !acctId.equalsIgnoreCase(session.selectedAccount)) {
            throw new ApiException(FailureKind.NOT_FOUND, "No such workflow in this account");
        }
    }

    private static String bearer(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            throw new ApiException(FailureKind.UNAUTHENTICATED,
                    "Send the access token from /v1/sys/auth as 'Authorization: Bearer <token>'");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private static UUID sessionId(JsonWebToken jwt) {
        Object claim = jwt.getClaim(SESSION_CLAIM);
        String text = claim == null ? null : claim.toString().replace("\"", "");
        if (!Accounts.isUuid(text)) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token names no session");
        }
        return UUID.fromString(text);
    }

    /** Parameters the framework could not convert would answer 404; the contract wants 400. */
    private static void checkParameters(HttpServerRequest request, String path) {
        Matcher graph = GRAPH.matcher(path);
        if (graph.matches() && !Accounts.isUuid(graph.group(2))) {
            throw new ApiException(Failure.invalid("graph-id", "must be a UUID"));
        }
        Matcher account = ACCOUNT.matcher(path);
        if (account.matches() && !Accounts.isUuid(account.group(1))) {
            throw new ApiException(Failure.invalid("account-id", "must be a UUID"));
        }
        for (String name : UUID_QUERY) {
            for (String value : request.params().getAll(name)) {
                if (!Accounts.isUuid(value)) {
                    throw new ApiException(Failure.invalid(name, "must be a UUID"));
                }
            }
        }
        for (String sortBy : request.params().getAll("sort_by")) {
            ListQuery.sort(sortBy);
        }
        for (String name : INTEGER_QUERY) {
            for (String value : request.params().getAll(name)) {
                if (!value.matches("^-?[0-9]{1,9}$")) {
                    throw new ApiException(Failure.invalid(name, "must be an integer"));
                }
            }
        }
    }
}
