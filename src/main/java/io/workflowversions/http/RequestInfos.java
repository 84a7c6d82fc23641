package io.workflowversions.http;

import io.vertx.core.http.HttpServerRequest;

public final class RequestInfos {

    private RequestInfos() {
    }

    public static ErrorEnvelope.RequestInfo of(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        return new ErrorEnvelope.RequestInfo(request.method().name(), request.path(), requestId);
    }
}
