package io.workflowversions.dialect.patchworks;

import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FieldIssue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Laravel-style errors for every path of the dialect: {@code {message}}, and for validation 422
 * {@code {message, errors{field: [texts]}}} whose message is the first text plus "(and N more errors)".
 */
@ApplicationScoped
public class PatchworksErrorEnvelope implements ErrorEnvelope {

    private static final String JSON = "application/json";
    private static final String MALFORMED = "The request body must be valid JSON.";

    /** Path parameters: a violation on one of them means the resource does not exist (route-model binding). */
    private static final Set<String> PATH_PARAMETERS = Set.of("flow", "version", "flowVersion", "flow_version", "schedule");

    /** A missing body reported against the body parameter means its required fields are missing. */
    private static final Map<String, List<String>> BODY_PARAMETERS = Map.of(
            "flowCreateRequest", List.of("name"),
            "loginRequest", List.of("username", "password"),
            "scheduleCreateRequest", List.of("cron_string"));

    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");

    @Override
    public String dialect() {
        return Patchworks.DIALECT;
    }

    @Override
    public boolean covers(String path) {
        return Patchworks.covers(path);
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        boolean verbatim = Problems.VERBATIM.equals(failure.code());
        return switch (failure.kind()) {
            case UNAUTHENTICATED -> message(401, verbatim ? failure.message() : "Unauthenticated.");
            case FORBIDDEN -> message(403, "This action is unauthorized.");
            case NOT_FOUND -> message(404, "Not Found");
            case METHOD_NOT_ALLOWED -> message(405, "The " + request.method() + " method is not supported for this route.");
            case NOT_ACCEPTABLE -> message(406, "Not Acceptable");
            case CONFLICT -> message(409, "The flow was changed by another request; try again.");
            case PAYLOAD_TOO_LARGE -> message(413, "The request body is too large.");
            case URI_TOO_LONG -> message(414, "The request URI is too long.");
            case MALFORMED_BODY, UNSUPPORTED_MEDIA_TYPE -> validation(List.of(new FieldIssue("body", MALFORMED)));
            case INVALID_INPUT -> invalidInput(failure, verbatim);
            case RULE_VIOLATED -> failure.issues().isEmpty() ? message(422, "The given data was invalid.")
                    : validation(verbatim ? failure.issues() : translate(failure.issues()));
            case TOO_MANY_REQUESTS -> new ErrorResponse(429, JSON, Map.of("message", "Too Many Attempts."),
                    Map.of("Retry-After", "60", "X-RateLimit-Remaining", "0"));
            case BAD_GATEWAY -> message(502, "Bad Gateway");
            case UNAVAILABLE -> message(503, "Service Unavailable");
            case GATEWAY_TIMEOUT -> message(504, "Gateway Timeout");
            case INTERNAL -> message(500, "Server Error");
        };
    }

    private ErrorResponse invalidInput(Failure failure, boolean verbatim) {
        if (verbatim && failure.issues().isEmpty()) {
            return message(400, failure.message());
        }
        if (failure.issues().stream().anyMatch(issue -> PATH_PARAMETERS.contains(issue.field()))) {
            return message(404, "Not Found");
        }
        if (failure.issues().isEmpty()) {
            // Data the database refused (such as a NUL character): the client's input, about no single field.
            return validation(List.of(new FieldIssue("body", "The request contains a value that cannot be stored.")));
        }
        return validation(verbatim ? failure.issues() : translate(failure.issues()));
    }

    private static ErrorResponse message(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        return new ErrorResponse(status, JSON, body);
    }

    private static ErrorResponse validation(List<FieldIssue> issues) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldIssue issue : issues) {
            List<String> texts = errors.computeIfAbsent(issue.field(), f -> new ArrayList<>());
            if (!texts.contains(issue.message())) {
                texts.add(issue.message());
            }
        }
        int count = errors.values().stream().mapToInt(List::size).sum();
        String first = errors.values().iterator().next().get(0);
        int more = count - 1;
        String message = more == 0 ? first : first + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("errors", errors);
        return new ErrorResponse(422, JSON, body);
    }

    /** Framework texts (bean validation, Jackson) in Laravel's words, with the request's field names. */
    static List<FieldIssue> translate(List<FieldIssue> issues) {
        List<FieldIssue> translated = new ArrayList<>();
        for (FieldIssue issue : issues) {
            List<String> bodyFields = BODY_PARAMETERS.get(issue.field());
            if (bodyFields != null) {
                bodyFields.forEach(f -> translated.add(new FieldIssue(f, "The " + words(f) + " field is required.")));
                continue;
            }
            String field = snake(issue.field());
            translated.add(new FieldIssue(field, text(field, issue.message())));
        }
        return translated;
    }

    private static String text(String field, String problem) {
        String subject = "The " + words(field) + " field";
        String p = problem == null ? "" : problem;
        // The only pattern on a body field is "non-blank" ("must match"): Laravel trims and then finds nothing.
        if (p.equals("must not be null") || p.equals("is required") || p.equals("must not be blank")
                || p.startsWith("must match")) {
            return subject + " is required.";
        }
        Matcher size = SIZE.matcher(p);
        if (size.matches()) {
            long max = Long.parseLong(size.group(2));
            return max >= Integer.MAX_VALUE ? subject + " is required."
                    : subject + " must not be greater than " + max + " characters.";
        }
        if (p.startsWith("must be greater than or equal to ")) {
            return subject + " must be at least " + p.substring("must be greater than or equal to ".length()) + ".";
        }
        if (p.startsWith("must be less than or equal to ")) {
            return subject + " must not be greater than " + p.substring("must be less than or equal to ".length()) + ".";
        }
        return switch (p) {
            case "expected a string" -> subject + " must be a string.";
            case "expected a boolean" -> subject + " must be true or false.";
            case "expected a number" -> subject + " must be a number.";
            case "expected an array" -> subject + " must be an array.";
            case "unknown value" -> "The selected " + words(field) + " is invalid.";
            default -> subject + " is invalid.";
        };
    }

    /** {@code perPage} → {@code per_page}; JSON names pass unchanged. */
    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code cron_string} → "cron string", as Laravel writes attribute names. */
    static String words(String field) {
        return field.replace('_', ' ').replace('.', ' ');
    }
}
