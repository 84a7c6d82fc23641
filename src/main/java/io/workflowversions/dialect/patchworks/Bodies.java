package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.workflowversions.http.FieldIssue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bodies whose fields are checked in code, after the ids in the path (Laravel's order: 404 before 422), with
 * Laravel's texts (field names written with spaces). Their fields may be absent, null or present with a meaning each
 * ({@code deployed_at: null} un-deploys, an absent one changes nothing), so they arrive as the JSON they are.
 */
final class Bodies {

    private Bodies() {
    }

    /** The body as an object: anything but an object (no body at all, too) counts as an empty one, as Laravel reads it. */
    static ObjectNode object(JsonNode body) {
        return body instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    /** A schedule body: a cron expression when given; a deployed_at when given, itself empty when null. */
    record Schedule(Optional<String> cron, Optional<Optional<Instant>> deployedAt) {
    }

    /** A date-time value, or 422 on the field. */
    static Instant date(String field, JsonNode value) {
        List<FieldIssue> issues = new ArrayList<>();
        Instant time = date(field, value, issues);
        if (!issues.isEmpty()) {
            throw Problems.invalid(issues);
        }
        return time;
    }

    private static Instant date(String field, JsonNode value, List<FieldIssue> issues) {
        Optional<Instant> time = value.isTextual() ? LaravelTime.parse(value.textValue()) : Optional.empty();
        if (time.isEmpty()) {
            issues.add(new FieldIssue(field, "The " + PatchworksErrorEnvelope.words(field) + " field must be a valid date."));
            return null;
        }
        return time.get();
    }

    /** Laravel's boolean rule: true, false, 1, 0, "1", "0"; absent or null gives the default. */
    static boolean optionalBoolean(String field, JsonNode value, boolean otherwise) {
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1)
                || value.isTextual() && (value.textValue().equals("0") || value.textValue().equals("1"))) {
            return value.asText().equals("1");
        }
        throw Problems.invalid(field, "The " + PatchworksErrorEnvelope.words(field) + " field must be true or false.");
    }

    /** Checks a schedule body; on create the cron string is required. Every problem is reported at once. */
    static Schedule schedule(ObjectNode body, boolean creating) {
        List<FieldIssue> issues = new ArrayList<>();
        Optional<String> cron = Optional.empty();
        JsonNode cronValue = body.get("cron_string");
        if (cronValue == null || cronValue.isNull() || cronValue.isTextual() && cronValue.textValue().isBlank()) {
            if (creating || cronValue != null) {
                // Laravel turns "" into null; on update a field that is sent must have a value.
                issues.add(new FieldIssue("cron_string", CronRule.SUBJECT + (creating ? " is required." : " must be a string.")));
            }
        } else if (!cronValue.isTextual()) {
            issues.add(new FieldIssue("cron_string", CronRule.SUBJECT + " must be a string."));
        } else {
            String expression = cronValue.textValue().trim();
            Optional<String> problem = CronRule.problem(expression);
            if (problem.isPresent()) {
                issues.add(new FieldIssue("cron_string", problem.get()));
            } else {
                cron = Optional.of(expression);
            }
        }
        Optional<Optional<Instant>> deployedAt = Optional.empty();
        JsonNode deployedValue = body.get("deployed_at");
        if (deployedValue != null) {
            if (deployedValue.isNull()) {
                deployedAt = Optional.of(Optional.empty());
            } else {
                deployedAt = Optional.of(Optional.ofNullable(date("deployed_at", deployedValue, issues)));
            }
        }
        if (!issues.isEmpty()) {
            throw Problems.invalid(issues);
        }
        return new Schedule(cron, deployedAt);
    }
}
