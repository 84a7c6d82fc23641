package io.workflowversions.dialect.frankieone;

import io.workflowversions.dialect.frankieone.api.model.ErrorDetail;
import io.workflowversions.dialect.frankieone.api.model.ErrorObject;
import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FieldIssue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * FrankieOne's {@code ErrorObject} for everything under {@code /v2/workflowDefinitions}: the contract's codes and
 * statuses, one {@code details} entry per problem with the dotted location of the offending field, and a fresh ULID
 * as {@code requestId}.
 */
@ApplicationScoped
public class FrankieOneErrorEnvelope implements ErrorEnvelope {

    static final String PREFIX = "/v2/workflowDefinitions";

    static final String VALIDATION = "VAL-1002";
    static final String UNAUTHORISED = "AUTH-0002";
    static final String NOT_FOUND = "API-1010";
    static final String DUPLICATE = "VAL-0409";
    static final String TOO_LARGE = "VAL-0413";
    static final String URI_TOO_LONG = "API-0414";
    static final String INTERNAL = "SYS-0000";
    /** The contract names no code for these; they follow its {@code PREFIX-0<status>} pattern. */
    static final String METHOD_NOT_ALLOWED = "API-0405";
    static final String NOT_ACCEPTABLE = "API-0406";
    static final String UNAVAILABLE = "SYS-0503";
    static final String TOO_MANY_REQUESTS = "API-0429";
    static final String BAD_GATEWAY = "SYS-0502";
    static final String GATEWAY_TIMEOUT = "SYS-0504";

    /** Where a problem with the body as a whole is reported. */
    static final String BODY = "body";

    private final Ulid ulid;

    FrankieOneErrorEnvelope(Ulid ulid) {
        this.ulid = ulid;
    }

    @Override
    public String dialect() {
        return FrankieOneRequestFilters.DIALECT;
    }

    @Override
    public boolean covers(String path) {
        return owns(path);
    }

    static boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        Shape shape = shape(failure);
        ErrorObject body = new ErrorObject()
                .errorCode(failure.code() != null ? failure.code() : shape.code())
                .errorMsg(shape.message())
                .httpStatusCode(shape.status())
                .details(details(failure, shape.location()))
                .requestId(ulid.next());
        Map<String, String> headers = shape.status() == 503 || shape.status() == 429 ? Map.of("Retry-After", "1") : Map.of();
        return new ErrorResponse(shape.status(), MediaType.APPLICATION_JSON, body, headers);
    }

    /** Status, code, message and the location of a problem that names no field. */
    private record Shape(int status, String code, String message, String location) {
    }

    private static Shape shape(Failure failure) {
        return switch (failure.kind()) {
            case MALFORMED_BODY, INVALID_INPUT, RULE_VIOLATED -> new Shape(400, VALIDATION,
                    "Data supplied is incorrect/badly formatted", BODY);
            case UNSUPPORTED_MEDIA_TYPE -> new Shape(400, VALIDATION,
                    "Data supplied is incorrect/badly formatted", "Content-Type");
            case UNAUTHENTICATED, FORBIDDEN -> new Shape(401, UNAUTHORISED,
                    "Not authorised to perform this function", null);
            case NOT_FOUND -> new Shape(404, NOT_FOUND, "Not Found", "path");
            case METHOD_NOT_ALLOWED -> new Shape(405, METHOD_NOT_ALLOWED, "Method Not Allowed", "method");
            case NOT_ACCEPTABLE -> new Shape(406, NOT_ACCEPTABLE, "Not Acceptable", "Accept");
            case CONFLICT -> new Shape(409, DUPLICATE, "Duplicate", null);
            case PAYLOAD_TOO_LARGE -> new Shape(413, TOO_LARGE, "Request body too large", BODY);
            case URI_TOO_LONG -> new Shape(414, URI_TOO_LONG, "Request URI too long", "path");
            case INTERNAL -> new Shape(500, INTERNAL, "Internal error", null);
            case TOO_MANY_REQUESTS -> new Shape(429, TOO_MANY_REQUESTS, "Too many requests", null);
            case BAD_GATEWAY -> new Shape(502, BAD_GATEWAY, "Bad gateway", null);
            case UNAVAILABLE -> new Shape(503, UNAVAILABLE, "Service temporarily unavailable", null);
            case GATEWAY_TIMEOUT -> new Shape(504, GATEWAY_TIMEOUT, "Gateway timeout", null);
        };
    }

    /** One entry per offending field; a failure about no field gets one entry at {@code location}, if it has one. */
    private static List<ErrorDetail> details(Failure failure, String location) {
        if (failure.isMissing(Failure.Missing.Thing.WORKFLOW)) {
            return List.of(new ErrorDetail().issue("Workflow definition not found").issueLocation("workflowDefinitionId"));
        }
        if (failure.isMissing(Failure.Missing.Thing.VERSION)) {
            return List.of(new ErrorDetail().issue("Version not found").issueLocation("version"));
        }
        if (!failure.issues().isEmpty()) {
            return failure.issues().stream().map(FrankieOneErrorEnvelope::detail).toList();
        }
        if (location == null) {
            return List.of();
        }
        return List.of(new ErrorDetail().issue(failure.message()).issueLocation(location));
    }

    private static ErrorDetail detail(FieldIssue issue) {
        return new ErrorDetail().issue(issue.message()).issueLocation(issue.field());
    }
}
