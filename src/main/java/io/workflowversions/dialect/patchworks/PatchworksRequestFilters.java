package io.workflowversions.dialect.patchworks;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Caller;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.CredentialType;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Role;
import io.workflowversions.security.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What happens to every request of the dialect before its resource runs: media types (bodies are JSON whatever the
 * Content-Type says, answers are JSON whatever Accept says), authentication (a raw API key, or a Bearer JWT from the
 * login), and the query rules of lists (400 for unsupported filters, sorts, includes and fields; 422 for paging).
 */
@ApplicationScoped
public class PatchworksRequestFilters {

    private static final String BEARER = "Bearer ";
    /** After the body-size guard, before the REST layer. */
    private static final int MEDIA_TYPE_PRIORITY = 900;

    private final CredentialService credentials;
    private final TokenService tokens;
    private final Caller caller;

    PatchworksRequestFilters(CredentialService credentials, TokenService tokens, Caller caller) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.caller = caller;
    }

    void mediaTypes(@Observes Filters filters) {
        filters.register(this::assumeJson, MEDIA_TYPE_PRIORITY);
    }

    private void assumeJson(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (Patchworks.covers(request.path())) {
            request.headers().set(HttpHeaders.ACCEPT, "application/json");
            request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        context.next();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(HttpServerRequest request) {
        String path = request.path();
        if (!Patchworks.covers(path) || path.equals(Patchworks.LOGIN_PATH)) {
            return Uni.createFrom().voidItem();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().failure(Problems.unauthenticated());
        }
        Uni<Principal> principal;
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            principal = bearer(authorization.substring(BEARER.length()).trim());
        } else {
            principal = apiKey(authorization.trim());
        }
        return principal
                .onFailure(PatchworksRequestFilters::credentialsRefused).transform(e -> Problems.unauthenticated())
                .invoke(caller::authenticate)
                .replaceWithVoid();
    }

    /** A company API key: manager level, whatever role it was created with (the vendor's keys are). */
    private Uni<Principal> apiKey(String key) {
        return credentials.authenticateApiKey(Patchworks.DIALECT, key)
                .map(p -> new Principal(p.credentialId(), p.dialect(), p.type(), p.username(), p.tenant(), p.subTenant(),
                        p.role() == Role.READER ? Role.READER : Role.MANAGER, p.displayName()));
    }

    /** A token from the login; its credential must still exist (a deleted user's tokens stop working at once). */
    private Uni<Principal> bearer(String token) {
        UUID credentialId;
        try {
            credentialId = TokenService.credentialId(tokens.verify(token, Patchworks.DIALECT));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(Problems.unauthenticated());
        }
        return credentials.principal(credentialId)
                .invoke(p -> {
                    if (!Patchworks.DIALECT.equals(p.dialect()) || p.type() != CredentialType.PASSWORD) {
                        throw Problems.unauthenticated();
                    }
                });
    }

    private static boolean credentialsRefused(Throwable failure) {
        return failure instanceof ApiException api && api.failure().kind() == FailureKind.UNAUTHENTICATED;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void checkQuery(HttpServerRequest request, SimpleResourceInfo resource) {
        if (!Patchworks.covers(request.path())) {
            return;
        }
        QueryRules.forMethod(resource.getMethodName()).check(request.params());
    }
}
