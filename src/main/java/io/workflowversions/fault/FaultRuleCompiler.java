package io.workflowversions.fault;

import io.workflowversions.admin.api.model.Fault;
import io.workflowversions.admin.api.model.FaultRuleRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.ApiOperations;
import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorEnvelopes;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a fault rule as a client sent it, and turns a stored one into what the injector applies. */
@ApplicationScoped
public class FaultRuleCompiler {

    /** The statuses an error fault may have, each the answer to one kind of failure. */
    private static final Map<Integer, FailureKind> KINDS = Map.ofEntries(
            Map.entry(400, FailureKind.INVALID_INPUT), Map.entry(401, FailureKind.UNAUTHENTICATED),
            Map.entry(403, FailureKind.FORBIDDEN), Map.entry(404, FailureKind.NOT_FOUND),
            Map.entry(409, FailureKind.CONFLICT), Map.entry(413, FailureKind.PAYLOAD_TOO_LARGE),
            Map.entry(422, FailureKind.RULE_VIOLATED), Map.entry(429, FailureKind.TOO_MANY_REQUESTS),
            Map.entry(500, FailureKind.INTERNAL), Map.entry(502, FailureKind.BAD_GATEWAY),
            Map.entry(503, FailureKind.UNAVAILABLE), Map.entry(504, FailureKind.GATEWAY_TIMEOUT));
    /** The dialects whose errors carry a code, and those whose envelope carries a text of the caller's. */
    private static final Set<String> WITH_CODES = Set.of("secmaster", "frankieone");
    private static final Set<String> WITH_MESSAGES = Set.of("secmaster", "fortanix");

    private final ApiOperations operations;
    private final ErrorEnvelopes envelopes;

    FaultRuleCompiler(ApiOperations operations, ErrorEnvelopes envelopes) {
        this.operations = operations;
        this.envelopes = envelopes;
    }

    /** Refuses, with every problem listed, a rule that could not apply as it says. */
    public void check(FaultRuleRequest rule) {
        String dialect = rule.getDialect().toString();
        List<FieldIssue> issues = new ArrayList<>();
        if (rule.getOperation() != null && !operations.exists(dialect, rule.getOperation())) {
            issues.add(new FieldIssue("operation", "is not an operationId of the " + dialect + " spec"));
        }
        if (rule.getPathPattern() != null) {
            try {
                Pattern.compile(rule.getPathPattern());
            } catch (PatternSyntaxException e) {
                issues.add(new FieldIssue("path_pattern", "is not a regular expression: " + e.getDescription()));
            }
        }
        if (rule.getExpiresAt() != null && !rule.getExpiresAt().isAfter(OffsetDateTime.now())) {
            issues.add(new FieldIssue("expires_at", "is not in the future"));
        }
        checkFault(dialect, rule.getFault(), issues);
        if (!issues.isEmpty()) {
            throw new ApiException(new Failure(FailureKind.INVALID_INPUT, null,
                    issues.get(0).field() + ": " + issues.get(0).message(), issues));
        }
    }

    private void checkFault(String dialect, Fault fault, List<FieldIssue> issues) {
        Fault.TypeEnum type = fault.getType();
        boolean latency = type == Fault.TypeEnum.LATENCY;
        boolean error = type == Fault.TypeEnum.ERROR;
        boolean range = fault.getMinMs() != null || fault.getMaxMs() != null;
        if (latency && (fault.getMs() != null) == range) {
            issues.add(new FieldIssue("fault.ms", "a latency takes either ms or both min_ms and max_ms"));
        } else if (latency && range && (fault.getMinMs() == null || fault.getMaxMs() == null)) {
            issues.add(new FieldIssue(fault.getMinMs() == null ? "fault.min_ms" : "fault.max_ms",
                    "min_ms and max_ms go together"));
        } else if (latency && range && fault.getMinMs() > fault.getMaxMs()) {
            issues.add(new FieldIssue("fault.min_ms", "is greater than max_ms"));
        }
        notFor(type, !latency && range, "fault.min_ms", issues);
        notFor(type, !latency && type != Fault.TypeEnum.DROP && fault.getMs() != null, "fault.ms", issues);
        notFor(type, !error && fault.getStatus() != null, "fault.status", issues);
        notFor(type, !error && fault.getCode() != null, "fault.code", issues);
        notFor(type, !error && fault.getMessage() != null, "fault.message", issues);
        notFor(type, !error && fault.getRetryAfter() != null, "fault.retry_after", issues);
        if (!error) {
            return;
        }
        if (fault.getStatus() == null) {
            issues.add(new FieldIssue("fault.status", "an error fault needs a status"));
        } else if (!answers(dialect, fault.getStatus())) {
            issues.add(new FieldIssue("fault.status", dialect + " does not answer " + fault.getStatus()
                    + "; it answers " + statuses(dialect)));
        }
        if (fault.getCode() != null && !WITH_CODES.contains(dialect)) {
            issues.add(new FieldIssue("fault.code", dialect + " errors carry no code"));
        }
        if (fault.getMessage() != null && !WITH_MESSAGES.contains(dialect)) {
            issues.add(new FieldIssue("fault.message", dialect + " answers its vendor's fixed texts"));
        }
    }

    private static void notFor(Fault.TypeEnum type, boolean present, String field, List<FieldIssue> issues) {
        if (present) {
            issues.add(new FieldIssue(field, "does not belong to a " + type + " fault"));
        }
    }

    /** Whether the dialect's envelope answers this status for its kind of failure. */
    private boolean answers(String dialect, int status) {
        FailureKind kind = KINDS.get(status);
        return kind != null && envelopes.ofDialect(dialect)
                .render(Failure.of(kind, kind.title()), new ErrorEnvelope.RequestInfo("GET", "/", null)).status() == status;
    }

    private String statuses(String dialect) {
        return String.join(", ", KINDS.keySet().stream().sorted().filter(s -> answers(dialect, s)).map(String::valueOf)
                .toList());
    }

    FaultRule compile(UUID id, FaultRuleRequest rule, boolean limited) {
        Fault fault = rule.getFault();
        FaultRule.Type type = FaultRule.Type.valueOf(fault.getType().toString().toUpperCase(Locale.ROOT));
        int min = fault.getMs() != null ? fault.getMs() : fault.getMinMs() != null ? fault.getMinMs() : 0;
        int max = fault.getMs() != null ? fault.getMs() : fault.getMaxMs() != null ? fault.getMaxMs() : 0;
        FailureKind kind = fault.getStatus() == null ? null : KINDS.get(fault.getStatus());
        FaultRule.Action action = new FaultRule.Action(type, min, max, kind, fault.getCode(),
                fault.getMessage() != null ? fault.getMessage() : kind == null ? null : kind.title(), fault.getRetryAfter());
        return new FaultRule(id, rule.getDialect().toString(), rule.getOperation(),
                rule.getMethod() == null ? null : rule.getMethod().toString(),
                rule.getPathPattern() == null ? null : Pattern.compile(rule.getPathPattern()), rule.getTenant(), action,
                rule.getProbability() == null ? 1.0 : rule.getProbability(), limited,
                rule.getExpiresAt() == null ? null : rule.getExpiresAt().toInstant());
    }
}
