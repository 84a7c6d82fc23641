package io.workflowversions.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented to a dialect, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    final String dialect;
    final String apiKey;

    public ApiKeyRequest(String dialect, String apiKey) {
        this.dialect = dialect;
        this.apiKey = apiKey;
    }
}
