package io.workflowversions.http;

import java.util.List;

/**
 * A failure as the envelopes see it.
 *
 * @param code a dialect-specific error code when the thrower knows one, else null
 * @param issues the offending fields, empty when the failure is not about one
 * @param missing for a NOT_FOUND from the store, what it did not find (each envelope words it its own way); else null
 */
public record Failure(FailureKind kind, String code, String message, List<FieldIssue> issues, Missing missing) {

    /** What the store did not find: a workflow by its key, or a version by its id. */
    public record Missing(Thing thing, String key) {

        public enum Thing {
            WORKFLOW, VERSION
        }
    }

    public Failure {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public Failure(FailureKind kind, String code, String message, List<FieldIssue> issues) {
        this(kind, code, message, issues, null);
    }

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, null, message, List.of());
    }

    public static Failure invalid(String field, String message) {
        return new Failure(FailureKind.INVALID_INPUT, null, field + ": " + message, List.of(new FieldIssue(field, message)));
    }

    public static Failure missing(Missing.Thing thing, String key, String message) {
        return new Failure(FailureKind.NOT_FOUND, null, message, List.of(), new Missing(thing, key));
    }

    /** Whether this is the store's not-found of that thing. */
    public boolean isMissing(Missing.Thing thing) {
        return missing != null && missing.thing() == thing;
    }
}
