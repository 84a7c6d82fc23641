package io.workflowversions.dialect.secmaster;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.CredentialService;
import jakarta.enterprise.context.ApplicationScoped;

/** The owner of an access key whose secret key produced the request's signature. */
@ApplicationScoped
public class AccessKeyIdentityProvider implements IdentityProvider<SignedRequest> {

    private final CredentialService credentials;

    AccessKeyIdentityProvider(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<SignedRequest> getRequestType() {
        return SignedRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SignedRequest request, AuthenticationRequestContext context) {
        return credentials.signingSecret(Secmaster.DIALECT, request.accessKey)
                .onFailure(ApiException.class).transform(e -> new ApiException(FailureKind.UNAUTHENTICATED,
                        "the access key is unknown"))
                .map(secret -> {
                    String expected = AkSkSignature.signature(secret.secretKey(), request.stringToSign);
                    if (!AkSkSignature.matches(expected, request.signature)) {
                        throw new ApiException(FailureKind.UNAUTHENTICATED, "the request signature does not match");
                    }
                    return CallerIdentity.of(secret.principal());
                });
    }
}
