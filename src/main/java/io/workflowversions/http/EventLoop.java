package io.workflowversions.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings reactive database work back to the request's event loop. A request filter that reads the body
 * ({@code readBody = true}) runs on a worker thread once the body is larger than the input buffer, and Hibernate
 * Reactive refuses to start there; work subscribed through {@link #resume} starts on the request's event loop. The
 * request goes on from there on the event loop, so such a filter must first buffer the body it left unread.
 */
public final class EventLoop {

    private EventLoop() {
    }

    public static <T> Uni<T> resume(Uni<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || Context.isOnEventLoopThread() || !context.isEventLoopContext()) {
            return work;
        }
        return work.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
