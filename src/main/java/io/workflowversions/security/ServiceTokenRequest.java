package io.workflowversions.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A token this service issued, presented to a dialect; checked by {@link ServiceTokenIdentityProvider}. */
public final class ServiceTokenRequest extends BaseAuthenticationRequest {

    final String dialect;
    final String token;

    public ServiceTokenRequest(String dialect, String token) {
        this.dialect = dialect;
        this.token = token;
    }
}
