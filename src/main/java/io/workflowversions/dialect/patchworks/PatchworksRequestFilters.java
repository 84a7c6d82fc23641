package io.workflowversions.dialect.patchworks;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What happens to every request of the dialect before its resource runs: media types (bodies are JSON whatever the
 * Content-Type says, answers are JSON whatever Accept says) and the query rules of lists (400 for unsupported
 * filters, sorts, includes and fields; 422 for paging). Authentication is {@link PatchworksMechanism}'s.
 */
@ApplicationScoped
public class PatchworksRequestFilters {

    /** After the body-size guard, before the REST layer. */
    private static final int MEDIA_TYPE_PRIORITY = 900;

    void mediaTypes(@Observes Filters filters) {
        filters.register(this::assumeJson, MEDIA_TYPE_PRIORITY);
    }

    private void assumeJson(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (Patchworks.covers(request.path())) {
            request.headers().set(HttpHeaders.ACCEPT, "application/json");
            request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        context.next();
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void checkQuery(HttpServerRequest request, SimpleResourceInfo resource) {
        if (Patchworks.covers(request.path())) {
            QueryRules.forMethod(resource.getMethodName()).check(request.params());
        }
    }
}
