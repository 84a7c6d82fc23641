package io.workflowversions.http;

/** Thrown by resources, filters and security code to answer with a failure in the caller's dialect. */
public class ApiException extends RuntimeException {

    private final transient Failure failure;

    public ApiException(Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public ApiException(FailureKind kind, String message) {
        this(Failure.of(kind, message));
    }

    public Failure failure() {
        return failure;
    }
}
