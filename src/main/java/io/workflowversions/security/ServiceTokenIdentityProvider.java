package io.workflowversions.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The owner of a token this service issued for the dialect: the token must verify, and its credential must still
 * exist (a deleted credential's tokens stop working at once). The verified token is kept on the identity.
 */
@ApplicationScoped
public class ServiceTokenIdentityProvider implements IdentityProvider<ServiceTokenRequest> {

    private static final String TOKEN = JsonWebToken.class.getName();

    private final TokenService tokens;
    private final CredentialService credentials;

    ServiceTokenIdentityProvider(TokenService tokens, CredentialService credentials) {
        this.tokens = tokens;
        this.credentials = credentials;
    }

    @Override
    public Class<ServiceTokenRequest> getRequestType() {
        return ServiceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ServiceTokenRequest request, AuthenticationRequestContext context) {
        JsonWebToken jwt;
        UUID credentialId;
        try {
            jwt = tokens.verify(request.token, request.dialect);
            credentialId = TokenService.credentialId(jwt);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new ApiException(FailureKind.UNAUTHENTICATED, "The token is invalid or expired"));
        }
        return credentials.principal(credentialId)
                .map(principal -> QuarkusSecurityIdentity.builder(CallerIdentity.of(principal))
                        .addAttribute(TOKEN, jwt)
                        .build());
    }

    /** The verified token an identity was established from; null when it came from another scheme. */
    public static JsonWebToken token(SecurityIdentity identity) {
        return identity.getAttribute(TOKEN);
    }
}
