package io.workflowversions.dialect.patchworks;

import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.patchworks.api.AuthApi;
import io.workflowversions.dialect.patchworks.api.model.LoginRequest;
import io.workflowversions.dialect.patchworks.api.model.LoginResponse;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.TokenService;
import java.time.Duration;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** {@code POST /fabric/api/login}: a user's name and password for a JWT valid 86400 seconds. */
@Cancellable(false)
public class LoginResource implements AuthApi {

    static final int TOKEN_LIFETIME_SECONDS = 86400;

    private final CredentialService credentials;
    private final TokenService tokens;

    LoginResource(CredentialService credentials, TokenService tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @Override
    public Uni<RestResponse<LoginResponse>> login(LoginRequest request) {
        return credentials.authenticatePassword(Patchworks.DIALECT, request.getUsername(), request.getPassword())
                .onFailure(Problems::credentialsRefused)
                .transform(e -> Problems.invalidCredentials())
                .map(principal -> tokens.issue(principal, Duration.ofSeconds(TOKEN_LIFETIME_SECONDS), Map.of()))
                .map(issued -> RestResponse.ok(new LoginResponse()
                        .message("You have successfully logged in.")
                        .token(issued.token())
                        .expiresIn(TOKEN_LIFETIME_SECONDS)));
    }
}
