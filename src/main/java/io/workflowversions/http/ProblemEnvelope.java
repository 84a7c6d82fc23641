package io.workflowversions.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 7807 problem documents: the admin API's envelope, and the fallback outside every dialect's prefix. */
public final class ProblemEnvelope {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemEnvelope() {
    }

    public static ErrorResponse render(Failure failure, ErrorEnvelope.RequestInfo request) {
        FailureKind kind = failure.kind();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + kind.slug());
        body.put("title", kind.title());
        body.put("status", kind.defaultStatus());
        body.put("detail", failure.message());
        body.put("instance", request.path());
        if (!failure.issues().isEmpty()) {
            List<Map<String, String>> errors = failure.issues().stream()
                    .map(issue -> Map.of("field", issue.field(), "message", issue.message()))
                    .toList();
            body.put("errors", errors);
        }
        Map<String, String> headers = kind == FailureKind.UNAUTHENTICATED ? Map.of("WWW-Authenticate", "Bearer") : Map.of();
        return new ErrorResponse(kind.defaultStatus(), MEDIA_TYPE, body, headers);
    }
}
