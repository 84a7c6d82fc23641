package io.workflowversions.security;

import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The authentication mechanism of one API, on that API's paths only (elsewhere it answers no identity). It runs
 * before the framework's bearer-token mechanism, and its failures answer in the API's envelope: there is no
 * framework challenge.
 */
public abstract class ApiMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }
}
