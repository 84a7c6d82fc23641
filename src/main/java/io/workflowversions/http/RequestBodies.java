package io.workflowversions.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Reads a whole request body ahead of the REST layer, for an authentication mechanism that signs it: the body is
 * kept as the routing context's body, where the REST layer then reads it from. Its size is already bounded by the
 * body-size guard, which runs before.
 */
public final class RequestBodies {

    /** After the body-size guard and the media-type filters, before the REST layer. */
    public static final int FILTER_PRIORITY = 800;

    private RequestBodies() {
    }

    /** Reads the body (unless read already), then lets the request go on. */
    public static void bufferThenNext(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (body(context) != null || request.isEnded()) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(body::appendBuffer);
        request.endHandler(ended -> {
            ((RoutingContextInternal) context).setBody(body);
            context.next();
        });
        request.resume();
    }

    /** The body read ahead, or null. */
    public static Buffer body(RoutingContext context) {
        return context.body() == null ? null : context.body().buffer();
    }
}
