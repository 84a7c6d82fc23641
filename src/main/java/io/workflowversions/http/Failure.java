package io.workflowversions.http;

import java.util.List;

/**
 * A failure as the envelopes see it.
 *
 * @param code a dialect-specific error code when the thrower knows one, else null
 * @param issues the offending fields, empty when the failure is not about one
 */
public record Failure(FailureKind kind, String code, String message, List<FieldIssue> issues) {

    public Failure {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, null, message, List.of());
    }

    public static Failure invalid(String field, String message) {
        return new Failure(FailureKind.INVALID_INPUT, null, field + ": " + message, List.of(new FieldIssue(field, message)));
    }
}
