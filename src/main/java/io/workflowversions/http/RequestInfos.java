package io.workflowversions.http;

import io.vertx.core.http.HttpServerRequest;

final class RequestInfos {

    private RequestInfos() {
    }

    static ErrorEnvelope.RequestInfo of(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        return new ErrorEnvelope.RequestInfo(request.method().name(), request.path(), requestId);
    }
}
