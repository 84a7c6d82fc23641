package io.workflowversions.fault;

import io.workflowversions.http.FailureKind;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A fault rule as the injector applies it: what it matches (null matches anything) and what it does.
 *
 * @param limited whether it has a count of times left in the database, taken one at a time
 */
record FaultRule(UUID id, String dialect, String operation, String method, Pattern path, String tenant, Action action,
        double probability, boolean limited, Instant expiresAt) {

    enum Type {
        LATENCY, ERROR, RESET, DROP
    }

    /** What the rule does: wait from {@code minMs} to {@code maxMs}, answer an error, reset or drop the connection. */
    record Action(Type type, int minMs, int maxMs, FailureKind kind, String code, String message, Integer retryAfter) {
    }

    /** Whether the rule matches a request, its tenant aside. */
    boolean matches(String dialect, String method, String path, String operation, Instant now) {
        return this.dialect.equals(dialect)
                && (this.method == null || this.method.equals(method))
                && (this.operation == null || this.operation.equals(operation))
                && (this.path == null || this.path.matcher(path).matches())
                && (expiresAt == null || now.isBefore(expiresAt));
    }
}
