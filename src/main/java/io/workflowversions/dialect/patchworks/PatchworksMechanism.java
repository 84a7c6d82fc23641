package io.workflowversions.dialect.patchworks;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.security.ApiKeyRequest;
import io.workflowversions.security.ApiMechanism;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.CredentialType;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Role;
import io.workflowversions.security.ServiceTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Patchworks' scheme, on every path but the login: {@code Authorization} holds a raw company API key (manager level,
 * whatever role it was created with, as the vendor's keys are), or {@code Bearer} and a user's token from the login.
 */
@ApplicationScoped
public class PatchworksMechanism extends ApiMechanism {

    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.request().path();
        if (!Patchworks.covers(path) || path.equals(Patchworks.LOGIN_PATH)) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().failure(Problems.unauthenticated());
        }
        Uni<SecurityIdentity> identity;
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            identity = identities.authenticate(new ServiceTokenRequest(Patchworks.DIALECT,
                    authorization.substring(BEARER.length()).trim())).invoke(PatchworksMechanism::mustBeUser);
        } else {
            identity = identities.authenticate(new ApiKeyRequest(Patchworks.DIALECT, authorization.trim()))
                    .map(PatchworksMechanism::atManagerLevel);
        }
        return identity.onFailure(Problems::credentialsRefused).transform(e -> Problems.unauthenticated());
    }

    private static void mustBeUser(SecurityIdentity identity) {
        Principal p = CallerIdentity.principal(identity);
        if (!Patchworks.DIALECT.equals(p.dialect()) || p.type() != CredentialType.PASSWORD) {
            throw Problems.unauthenticated();
        }
    }

    private static SecurityIdentity atManagerLevel(SecurityIdentity identity) {
        Principal p = CallerIdentity.principal(identity);
        return CallerIdentity.of(new Principal(p.credentialId(), p.dialect(), p.type(), p.username(), p.tenant(),
                p.subTenant(), p.role() == Role.READER ? Role.READER : Role.MANAGER, p.displayName()));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class, ServiceTokenRequest.class);
    }
}
