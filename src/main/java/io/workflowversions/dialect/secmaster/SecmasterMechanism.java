package io.workflowversions.dialect.secmaster;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.RequestBodies;
import io.workflowversions.security.ApiMechanism;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import io.workflowversions.security.ServiceTokenIdentityProvider;
import io.workflowversions.security.ServiceTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;

/**
 * SecMaster's schemes, the two ways Huawei's gateway accepts: an IAM token in {@code X-Auth-Token}, or an AK/SK
 * request signature ({@code SDK-HMAC-SHA256}), which covers the body. The project in the path must be the
 * credential's project.
 */
@ApplicationScoped
public class SecmasterMechanism extends ApiMechanism {

    static final String TOKEN_HEADER = "X-Auth-Token";
    static final String PROJECT_CLAIM = "project_id";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String project = Secmaster.projectOf(context.request().path());
        if (project == null) {
            return Uni.createFrom().nullItem();
        }
        String token = context.request().getHeader(TOKEN_HEADER);
        String authorization = context.request().getHeader("Authorization");
        Uni<SecurityIdentity> identity;
        if (token != null && !token.isBlank()) {
            identity = byToken(token.trim(), identities);
        } else if (AkSkSignature.isSigned(authorization)) {
            identity = bySignature(authorization, context, identities);
        } else {
            identity = Uni.createFrom().failure(unauthenticated("the X-Auth-Token header is missing"));
        }
        return identity.invoke(established -> {
            if (!project.equals(CallerIdentity.principal(established).tenant())) {
                throw new ApiException(FailureKind.FORBIDDEN, "the credential is not scoped to project " + project);
            }
        });
    }

    private static Uni<SecurityIdentity> byToken(String token, IdentityProviderManager identities) {
        return identities.authenticate(new ServiceTokenRequest(Secmaster.DIALECT, token))
                .onFailure(ApiException.class).transform(e -> unauthenticated("the token is invalid or expired"))
                .invoke(identity -> {
                    Object scoped = ServiceTokenIdentityProvider.token(identity).getClaim(PROJECT_CLAIM);
                    Principal principal = CallerIdentity.principal(identity);
                    if (scoped == null || !scoped.toString().equals(principal.tenant())) {
                        throw unauthenticated("the token is not scoped to the user's project");
                    }
                });
    }

    private static Uni<SecurityIdentity> bySignature(String header, RoutingContext context,
            IdentityProviderManager identities) {
        AkSkSignature.Authorization authorization = AkSkSignature.parse(header);
        if (authorization == null) {
            return Uni.createFrom().failure(unauthenticated("the Authorization header is not a valid signature"));
        }
        HttpServerRequest request = context.request();
        String sdkDate = request.getHeader(AkSkSignature.DATE_HEADER);
        Instant signedAt = AkSkSignature.parseDate(sdkDate);
        if (signedAt == null || !authorization.signedHeaders().contains("x-sdk-date")) {
            return Uni.createFrom().failure(unauthenticated("X-Sdk-Date is missing, unsigned or not yyyyMMdd'T'HHmmss'Z'"));
        }
        if (!AkSkSignature.withinSkew(signedAt, Instant.now())) {
            return Uni.createFrom().failure(unauthenticated("X-Sdk-Date is more than 15 minutes from the server time"));
        }
        Buffer body = carriesBody(request) ? RequestBodies.body(context) : null;
        String canonical = AkSkSignature.canonicalRequest(request.method().name(), request.path(), request.query(),
                request::getHeader, authorization.signedHeaders(), body == null ? new byte[0] : body.getBytes());
        String stringToSign = AkSkSignature.stringToSign(sdkDate.trim(), canonical);
        return identities.authenticate(new SignedRequest(authorization.accessKey(), stringToSign,
                authorization.signature()));
    }

    /** A signature covers the body: a signed request's body is read before the REST layer, to be hashed here. */
    void bufferSignedBodies(@Observes Filters filters) {
        filters.register(context -> {
            HttpServerRequest request = context.request();
            if (carriesBody(request) && Secmaster.projectOf(request.path()) != null
                    && AkSkSignature.isSigned(request.getHeader("Authorization"))) {
                RequestBodies.bufferThenNext(context);
            } else {
                context.next();
            }
        }, RequestBodies.FILTER_PRIORITY);
    }

    /** Only the POST and PUT operations have a body; GET and DELETE sign an empty one. */
    private static boolean carriesBody(HttpServerRequest request) {
        return request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT;
    }

    private static ApiException unauthenticated(String why) {
        return new ApiException(FailureKind.UNAUTHENTICATED, why);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ServiceTokenRequest.class, SignedRequest.class);
    }
}
