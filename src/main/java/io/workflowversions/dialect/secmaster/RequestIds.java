package io.workflowversions.dialect.secmaster;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of each answer, in the envelope's {@code request_id} and the {@code X-request-id} header. */
final class RequestIds {

    static final String RESPONSE_HEADER = "X-request-id";
    static final String REQUEST_HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private RequestIds() {
    }

    /** The caller's id when it sent a well-formed one (a gateway in front of us), else a new one. */
    static String choose(String fromRequest) {
        return fromRequest != null && SANE.matcher(fromRequest).matches() ? fromRequest : UUID.randomUUID().toString();
    }

    static String of(HttpServerRequest request) {
        return choose(request.getHeader(REQUEST_HEADER));
    }
}
