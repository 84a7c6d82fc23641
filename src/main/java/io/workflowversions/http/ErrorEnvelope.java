package io.workflowversions.http;

/**
 * How one API prefix answers failures. Each dialect contributes a bean; requests outside every prefix get the
 * problem-JSON envelope.
 */
public interface ErrorEnvelope {

    /** The path prefix this envelope answers for, such as {@code /admin/}. */
    String pathPrefix();

    ErrorResponse render(Failure failure, RequestInfo request);

    /** What an envelope may need of the request: its method, path and the id it was given, if any. */
    record RequestInfo(String method, String path, String requestId) {
    }
}
