package io.workflowversions.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read-your-writes on one instance: the answer to a request that may have written (any method but GET, HEAD and
 * OPTIONS) is sent only after this instance has read the change log past it, so its own cached reads are current.
 * Its transaction has committed by then; the other instances read the same rows at their next poll.
 */
public class ReadYourWrites {

    private final ChangeLog log;

    ReadYourWrites(ChangeLog log) {
        this.log = log;
    }

    @ServerResponseFilter
    public Uni<Void> afterWrite(ContainerRequestContext request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> log.catchUp().toCompletionStage());
    }
}
