package io.workflowversions.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The owner of an API key, from the credential store; UNAUTHENTICATED for an unknown key. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final CredentialService credentials;

    ApiKeyIdentityProvider(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return credentials.authenticateApiKey(request.dialect, request.apiKey).map(CallerIdentity::of);
    }
}
