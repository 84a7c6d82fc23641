package io.workflowversions.clock;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Marks each authenticated request with its caller's tenant, whose clock it then follows; nothing when no tenant has one. */
public class ClockScopeFilter {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public Uni<Void> enter(RoutingContext context) {
        if (!ServiceClock.anyTenantClock()) {
            return Uni.createFrom().voidItem();
        }
        return QuarkusHttpUser.getSecurityIdentity(context, null)
                .invoke(identity -> {
                    Principal caller = CallerIdentity.principal(identity);
                    if (caller != null) {
                        ServiceClock.enter(caller.dialect(), caller.tenant());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
