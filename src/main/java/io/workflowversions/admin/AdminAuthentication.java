package io.workflowversions.admin;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path under {@code /admin/} needs the admin token, known or not: the identity is asked for before routing, so
 * that a caller without the token learns nothing of the admin API, not even which paths exist.
 */
public class AdminAuthentication {

    private final CurrentIdentityAssociation identities;

    AdminAuthentication(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> authenticate(HttpServerRequest request) {
        return request.path().startsWith(AdminErrorEnvelope.PREFIX)
                ? identities.getDeferredIdentity().replaceWithVoid()
                : Uni.createFrom().voidItem();
    }
}
