package io.workflowversions.dialect.secmaster;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import jakarta.ws.rs.Priorities;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the query parameters of the list calls before the framework converts them, so that a badly typed or
 * unknown value is the business error SecMaster.20040625 (the framework would answer "not found"); and keeps the
 * literal segments ({@code versions}, {@code validation}...) from being taken for a workflow id. No operation takes
 * a multipart body: one is refused, whatever the method, before the operation runs.
 */
public class SecmasterRequestChecks {

    private static final String PREFIX = "^/v1/[^/]+/workspaces/[^/]+/soc/workflows";
    private static final Pattern LIST_WORKFLOWS = Pattern.compile(PREFIX + "/?$");
    private static final Pattern LIST_VERSIONS = Pattern.compile(PREFIX + "/[^/]+/versions/?$");
    private static final Pattern LITERAL_AS_WORKFLOW =
            Pattern.compile(PREFIX + "/(versions|validation|instances|export|import)/?$");

    private static final Set<String> AOP_TYPES = Set.of("NORMAL", "SURVEY", "HEMOSTASIS", "EASE");
    private static final Set<String> STATUSES = Set.of("pending_submit", "pending_approval", "publishing",
            "publish_failed", "not_activated", "activated", "rejected");
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    @SecmasterApiCall
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public void check(HttpServerRequest request) {
        String path = request.path();
        if (LITERAL_AS_WORKFLOW.matcher(path).matches() && request.method() != HttpMethod.POST) {
            throw new ApiException(FailureKind.NOT_FOUND, "No such API: " + path);
        }
        String type = request.getHeader("Content-Type");
        if (type != null && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw invalid("Content-Type", "multipart bodies are not accepted; send application/json");
        }
        if (request.method() != HttpMethod.GET) {
            return;
        }
        if (LIST_WORKFLOWS.matcher(path).matches()) {
            integer(request, "offset", 0, 10000);
            integer(request, "limit", 1, 100);
            oneOf(request, "order", Set.of("ASC", "DESC"));
            oneOf(request, "sortby", Set.of("create_time", "update_time"));
            oneOf(request, "enabled", BOOLEANS);
            oneOf(request, "last_version", BOOLEANS);
            oneOf(request, "aop_type", AOP_TYPES);
        } else if (LIST_VERSIONS.matcher(path).matches()) {
            oneOf(request, "status", STATUSES);
        }
    }

    private static void integer(HttpServerRequest request, String name, int min, int max) {
        for (String value : request.params().getAll(name)) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number < min || number > max) {
                    throw invalid(name, "must be between " + min + " and " + max);
                }
            } catch (NumberFormatException e) {
                throw invalid(name, "must be an integer");
            }
        }
    }

    private static void oneOf(HttpServerRequest request, String name, Set<String> allowed) {
        for (String value : request.params().getAll(name)) {
            if (!allowed.contains(value)) {
                throw invalid(name, "must be one of " + allowed.stream().sorted().toList());
            }
        }
    }

    private static ApiException invalid(String name, String problem) {
        return new ApiException(new Failure(FailureKind.INVALID_INPUT, ErrorCodes.INVALID_REQUEST, name + ": " + problem,
                List.of(new io.workflowversions.http.FieldIssue(name, problem))));
    }
}
