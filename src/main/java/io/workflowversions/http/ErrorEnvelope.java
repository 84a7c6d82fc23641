package io.workflowversions.http;

/**
 * How one API answers failures. Each dialect contributes a bean that names the paths it owns; requests outside every
 * API get the problem-JSON envelope.
 */
public interface ErrorEnvelope {

    /** Whether this API owns the path, for instance because it starts with {@code /admin/}. */
    boolean covers(String path);

    ErrorResponse render(Failure failure, RequestInfo request);

    /** The dialect whose paths these are, as the admin API names it; null for an API that is not a dialect. */
    default String dialect() {
        return null;
    }

    /** What an envelope may need of the request: its method, path and the id it was given, if any. */
    record RequestInfo(String method, String path, String requestId) {
    }
}
