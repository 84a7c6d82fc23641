package io.workflowversions.dialect.secmaster;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.EventLoop;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Caller;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.Principal;
import io.workflowversions.security.TokenService;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every SecMaster call, the two ways Huawei's gateway accepts: an IAM token in {@code X-Auth-Token}, or
 * an AK/SK request signature ({@code SDK-HMAC-SHA256}). The project in the path must be the credential's project.
 */
public class SecmasterAuthFilter {

    static final String TOKEN_HEADER = "X-Auth-Token";
    static final String PROJECT_CLAIM = "project_id";

    private final CredentialService credentials;
    private final TokenService tokens;
    private final Caller caller;

    SecmasterAuthFilter(CredentialService credentials, TokenService tokens, Caller caller) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.caller = caller;
    }

    @SecmasterApiCall
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, readBody = true)
    public Uni<Void> authenticate(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        String project = Secmaster.projectOf(path);
        if (project == null) {
            return null;
        }
        // A body above the input buffer is read on a worker thread, and this filter then runs there too: the body is
        // buffered here, where blocking is allowed, because the request goes on on the event loop.
        if (!io.vertx.core.Context.isOnEventLoopThread() && carriesBody(request)) {
            body(context);
        }
        return EventLoop.resume(Uni.createFrom().deferred(() -> authenticate(context, request, path, project)));
    }

    private Uni<Void> authenticate(ContainerRequestContext context, HttpServerRequest request, String path, String project) {
        String token = request.getHeader(TOKEN_HEADER);
        String authorization = request.getHeader("Authorization");
        Uni<Principal> principal;
        if (token != null && !token.isBlank()) {
            principal = byToken(token.trim());
        } else if (AkSkSignature.isSigned(authorization)) {
            principal = bySignature(authorization, context, request);
        } else {
            principal = Uni.createFrom().failure(unauthenticated("the X-Auth-Token header is missing"));
        }
        return principal.invoke(p -> {
            if (!project.equals(p.tenant())) {
                throw new ApiException(FailureKind.FORBIDDEN, "the credential is not scoped to project " + project);
            }
            caller.authenticate(p);
        }).replaceWithVoid();
    }

    private Uni<Principal> byToken(String token) {
        JsonWebToken jwt;
        try {
            jwt = tokens.verify(token, Secmaster.DIALECT);
        } catch (ApiException e) {
            return Uni.createFrom().failure(unauthenticated("the token is invalid or expired"));
        }
        Object scoped = jwt.getClaim(PROJECT_CLAIM);
        return credentials.principal(TokenService.credentialId(jwt))
                .onFailure(ApiException.class).transform(e -> unauthenticated("the token's user no longer exists"))
                .invoke(p -> {
                    if (scoped == null || !scoped.toString().equals(p.tenant())) {
                        throw unauthenticated("the token is not scoped to the user's project");
                    }
                });
    }

    private Uni<Principal> bySignature(String header, ContainerRequestContext context, HttpServerRequest request) {
        AkSkSignature.Authorization authorization = AkSkSignature.parse(header);
        if (authorization == null) {
            return Uni.createFrom().failure(unauthenticated("the Authorization header is not a valid signature"));
        }
        String sdkDate = request.getHeader(AkSkSignature.DATE_HEADER);
        Instant signedAt = AkSkSignature.parseDate(sdkDate);
        if (signedAt == null || !authorization.signedHeaders().contains("x-sdk-date")) {
            return Uni.createFrom().failure(unauthenticated("X-Sdk-Date is missing, unsigned or not yyyyMMdd'T'HHmmss'Z'"));
        }
        if (!AkSkSignature.withinSkew(signedAt, Instant.now())) {
            return Uni.createFrom().failure(unauthenticated("X-Sdk-Date is more than 15 minutes from the server time"));
        }
        byte[] body = carriesBody(request) ? body(context) : new byte[0];
        String canonical = AkSkSignature.canonicalRequest(request.method().name(), request.path(), request.query(),
                name -> request.getHeader(name), authorization.signedHeaders(), body);
        String stringToSign = AkSkSignature.stringToSign(sdkDate.trim(), canonical);
        return credentials.signingSecret(Secmaster.DIALECT, authorization.accessKey())
                .onFailure(ApiException.class).transform(e -> unauthenticated("the access key is unknown"))
                .map(secret -> {
                    String expected = AkSkSignature.signature(secret.secretKey(), stringToSign);
                    if (!AkSkSignature.matches(expected, authorization.signature())) {
                        throw unauthenticated("the request signature does not match");
                    }
                    return secret.principal();
                });
    }

    /** Only the POST and PUT operations have a body (read before this filter runs); GET and DELETE sign an empty one. */
    private static boolean carriesBody(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST || request.method() == io.vertx.core.http.HttpMethod.PUT;
    }

    /** The body as it arrived; it is put back so that the resource still reads it. */
    private static byte[] body(ContainerRequestContext context) {
        if (!context.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = context.getEntityStream()) {
            byte[] bytes = in.readAllBytes();
            context.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unauthenticated(String why) {
        return new ApiException(FailureKind.UNAUTHENTICATED, why);
    }
}
