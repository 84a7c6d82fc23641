package io.workflowversions.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.util.function.Consumer;

/**
 * Reads a whole request body ahead of the REST layer, for the body-size guard (a chunked body) or an authentication
 * mechanism that signs it: the body is kept as the routing context's body, where the REST layer then reads it from.
 */
public final class RequestBodies {

    /** After the body-size guard and the media-type filters, before the REST layer. */
    public static final int FILTER_PRIORITY = 800;

    private RequestBodies() {
    }

    /** Reads the body (unless read already), then lets the request go on. */
    public static void bufferThenNext(RoutingContext context) {
        if (body(context) != null || context.request().isEnded()) {
            context.next();
        } else {
            bufferThenNext(context, Long.MAX_VALUE, null);
        }
    }

    /** Reads the body, handing the request to {@code tooLarge} instead once it passes {@code limit} bytes. */
    static void bufferThenNext(RoutingContext context, long limit, Consumer<RoutingContext> tooLarge) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                tooLarge.accept(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!context.response().ended()) {
                ((RoutingContextInternal) context).setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    /** The body read ahead, or null. */
    public static Buffer body(RoutingContext context) {
        return context.body() == null ? null : context.body().buffer();
    }
}
