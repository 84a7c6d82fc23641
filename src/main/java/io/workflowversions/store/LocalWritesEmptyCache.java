package io.workflowversions.store;

import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read-your-writes on one instance: the answer to a request that may have written (any method but GET, HEAD and
 * OPTIONS) is sent only after this instance's read cache is emptied (of credentials and sessions only when the request
 * changed them, see {@link ReadCache#accessChanging()}). Its transaction has committed by then; the
 * database's announcement of the change reaches the other instances a moment later.
 */
public class LocalWritesEmptyCache {

    private final ReadCache cache;

    LocalWritesEmptyCache(ReadCache cache) {
        this.cache = cache;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            cache.emptyAfterWrite();
        }
    }
}
