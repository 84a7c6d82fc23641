package io.workflowversions.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * Receives the body of a request's answer, for whoever records the exchange. It is attached to the request's routing
 * context; requests without one are not recorded.
 */
public interface AnswerTap {

    String KEY = AnswerTap.class.getName();

    /** The answer's body: its first bytes (at most {@link #keeps()}, or all of it) and its whole length. */
    void answered(byte[] head, long length);

    /** How many bytes of a body the tap keeps. */
    int keeps();

    static AnswerTap of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }

    static void attach(RoutingContext context, AnswerTap tap) {
        context.put(KEY, tap);
    }

    /** Hands a whole body to the context's tap, if it has one. */
    static void answered(RoutingContext context, String body) {
        AnswerTap tap = of(context);
        if (tap != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            tap.answered(bytes, bytes.length);
        }
    }
}
