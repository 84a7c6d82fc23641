package io.workflowversions.dialect.frankieone;

import static io.workflowversions.dialect.frankieone.FrankieOneRequestFilters.API_KEY;
import static io.workflowversions.dialect.frankieone.FrankieOneRequestFilters.CUSTOMER_CHILD_ID;
import static io.workflowversions.dialect.frankieone.FrankieOneRequestFilters.CUSTOMER_ID;
import static io.workflowversions.dialect.frankieone.FrankieOneRequestFilters.DIALECT;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.ApiKeyRequest;
import io.workflowversions.security.ApiMechanism;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Set;

/**
 * FrankieOne's scheme: {@code api_key} names one customer (and possibly one child); the customer headers must confirm
 * exactly that scope and can never widen it. Every failure is the same 401.
 */
@ApplicationScoped
public class ApiKeyMechanism extends ApiMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        HttpServerRequest request = context.request();
        if (!FrankieOneErrorEnvelope.owns(request.path())) {
            return Uni.createFrom().nullItem();
        }
        String apiKey = request.getHeader(API_KEY);
        String customer = request.getHeader(CUSTOMER_ID);
        String child = blankToNull(request.getHeader(CUSTOMER_CHILD_ID));
        if (apiKey == null || apiKey.isBlank()) {
            return Uni.createFrom().failure(unauthorised("The api_key header is required"));
        }
        if (customer == null || customer.isBlank()) {
            return Uni.createFrom().failure(unauthorised("The " + CUSTOMER_ID + " header is required"));
        }
        return identities.authenticate(new ApiKeyRequest(DIALECT, apiKey))
                .onFailure(ApiException.class).transform(e -> unauthorised("The api_key is not valid"))
                .invoke(identity -> {
                    Principal principal = CallerIdentity.principal(identity);
                    if (!customer.equals(principal.tenant())) {
                        throw unauthorised("The " + CUSTOMER_ID + " header does not match the api_key");
                    }
                    if (!Objects.equals(child, blankToNull(principal.subTenant()))) {
                        throw unauthorised("The " + CUSTOMER_CHILD_ID + " header does not match the api_key");
                    }
                });
    }

    static ApiException unauthorised(String why) {
        return new ApiException(new Failure(FailureKind.UNAUTHENTICATED, FrankieOneErrorEnvelope.UNAUTHORISED, why, null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }
}
