package io.workflowversions.dialect.secmaster;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.secmaster.api.AuthApi;
import io.workflowversions.dialect.secmaster.api.model.AuthScopeProject;
import io.workflowversions.dialect.secmaster.api.model.KeystoneCreateUserTokenByPasswordRequestBody;
import io.workflowversions.dialect.secmaster.api.model.KeystoneCreateUserTokenByPasswordResponseBody;
import io.workflowversions.dialect.secmaster.api.model.PwdPasswordUser;
import io.workflowversions.dialect.secmaster.api.model.TokenDomain;
import io.workflowversions.dialect.secmaster.api.model.TokenProject;
import io.workflowversions.dialect.secmaster.api.model.TokenResult;
import io.workflowversions.dialect.secmaster.api.model.TokenRole;
import io.workflowversions.dialect.secmaster.api.model.TokenUser;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.Principal;
import io.workflowversions.security.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The IAM call SecMaster clients make first: a password identity scoped to a project gives a 24-hour token in the
 * {@code X-Subject-Token} header. Users and their projects are the service's secmaster password credentials.
 */
@Cancellable(false)
public class IamTokenResource implements AuthApi {

    static final Duration LIFETIME = Duration.ofHours(24);

    private final CredentialService credentials;
    private final TokenService tokens;
    private final HttpServerRequest request;

    IamTokenResource(CredentialService credentials, TokenService tokens, HttpServerRequest request) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<KeystoneCreateUserTokenByPasswordResponseBody>> keystoneCreateUserTokenByPassword(
            KeystoneCreateUserTokenByPasswordRequestBody body) {
        AuthScopeProject project = body.getAuth().getScope().getProject();
        if ((project.getId() == null) == (project.getName() == null)) {
            throw new ApiException(Failure.invalid("auth.scope.project", "exactly one of id and name is required"));
        }
        PwdPasswordUser user = body.getAuth().getIdentity().getPassword().getUser();
        String requestId = RequestIds.of(request);
        return credentials.authenticatePassword(Secmaster.DIALECT, user.getName(), user.getPassword())
                .map(principal -> {
                    // Each user belongs to one project: a project id must be it; a name (such as a region name,
                    // which the service does not keep) resolves to it.
                    if (project.getId() != null && !project.getId().equals(principal.tenant())) {
                        throw new ApiException(FailureKind.UNAUTHENTICATED, "The user has no role in project " + project.getId());
                    }
                    TokenService.IssuedToken issued = tokens.issue(principal, LIFETIME,
                            Map.of(SecmasterMechanism.PROJECT_CLAIM, principal.tenant()));
                    return RestResponse.ResponseBuilder
                            .create(RestResponse.Status.CREATED, answer(principal, issued, user, project))
                            .header("X-Subject-Token", issued.token())
                            .header(RequestIds.RESPONSE_HEADER, requestId)
                            .build();
                });
    }

    private static KeystoneCreateUserTokenByPasswordResponseBody answer(Principal principal,
            TokenService.IssuedToken issued, PwdPasswordUser user, AuthScopeProject project) {
        TokenDomain domain = new TokenDomain().id(Ids.hex(principal.tenant() + "/domain")).name(user.getDomain().getName());
        String projectName = project.getName() != null ? project.getName() : principal.tenant();
        TokenResult token = new TokenResult()
                .expiresAt(Secmaster.iamTime(Instant.ofEpochSecond(issued.expiresAt())))
                .issuedAt(Secmaster.iamTime(Instant.ofEpochSecond(issued.issuedAt())))
                .methods(List.of("password"))
                .catalog(List.of())
                .project(new TokenProject().id(principal.tenant()).name(projectName).domain(domain))
                .roles(List.of(new TokenRole().id(Ids.hex("role/" + principal.role().wireName()))
                        .name(principal.role().wireName())))
                .user(new TokenUser().id(Ids.userId(principal)).name(principal.username()).domain(domain));
        return new KeystoneCreateUserTokenByPasswordResponseBody().token(token);
    }
}
