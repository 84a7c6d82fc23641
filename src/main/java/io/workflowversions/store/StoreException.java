package io.workflowversions.store;

/** A store operation that cannot be done as asked. Dialects turn the reason into their own error codes. */
public class StoreException extends RuntimeException {

    public enum Reason {
        /** Nothing with that id in the caller's scope (another tenant's data is reported the same way). */
        NOT_FOUND,
        /** The id is taken, or another version already holds an exclusive state. */
        CONFLICT,
        /** The caller's revision is not the current one. */
        STALE_REVISION
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static StoreException notFound(String what) {
        return new StoreException(Reason.NOT_FOUND, what + " not found");
    }
}
