package io.workflowversions.journal;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.workflowversions.http.AnswerTap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Keeps the body a resource reads for the request's {@link Exchange}. The REST layer holds the whole body in memory
 * before it reads it (application.properties), so taking it whole here costs one copy. A body nothing reads (the
 * request was refused first) is not recorded.
 */
@Provider
public class RequestTee implements ReaderInterceptor {

    private final CurrentVertxRequest request;

    RequestTee(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (AnswerTap.of(request.getCurrent()) instanceof Exchange exchange) {
            byte[] body = context.getInputStream().readAllBytes();
            exchange.requested(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}
