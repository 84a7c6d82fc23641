package io.workflowversions.http;

/**
 * What went wrong, independent of any dialect. Each dialect's envelope turns a kind into its own status and code;
 * {@link #defaultStatus()} is what a plain HTTP API would answer.
 */
public enum FailureKind {
    MALFORMED_BODY(400, "Malformed request body"),
    INVALID_INPUT(400, "Invalid request"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RULE_VIOLATED(422, "Unprocessable request"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    BAD_GATEWAY(502, "Bad gateway"),
    UNAVAILABLE(503, "Service unavailable"),
    GATEWAY_TIMEOUT(504, "Gateway timeout");

    private final int defaultStatus;
    private final String title;

    FailureKind(int defaultStatus, String title) {
        this.defaultStatus = defaultStatus;
        this.title = title;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    public String title() {
        return title;
    }

    /** A stable, lower-case name for problem types and logs. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
