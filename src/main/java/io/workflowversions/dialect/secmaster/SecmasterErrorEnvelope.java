package io.workflowversions.dialect.secmaster;

import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SecMaster's three error shapes: the business error {@code {code, message, success:false, request_id}} (HTTP 400,
 * also for "not found"), the API gateway's {@code {error_code, error_msg, request_id}} for authentication, and the
 * IAM (Keystone) error {@code {"error": {code, title, message}}} on the token endpoint.
 */
@ApplicationScoped
public class SecmasterErrorEnvelope implements ErrorEnvelope {

    private static final String JSON = "application/json";
    private static final String NO_API = "The API does not exist or has not been published in the environment";

    @Override
    public String dialect() {
        return Secmaster.DIALECT;
    }

    @Override
    public boolean covers(String path) {
        return Secmaster.isApiPath(path) || Secmaster.isTokenPath(path);
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        String requestId = RequestIds.choose(request.requestId());
        if (Secmaster.isTokenPath(request.path())) {
            return iam(failure, requestId);
        }
        return switch (failure.kind()) {
            case UNAUTHENTICATED -> gateway(401, codeOr(failure, ErrorCodes.APIG_AUTH),
                    "Incorrect IAM authentication information: " + failure.message(), requestId);
            case FORBIDDEN -> gateway(403, codeOr(failure, ErrorCodes.APIG_FORBIDDEN),
                    "No permissions to request this method: " + failure.message(), requestId);
            case METHOD_NOT_ALLOWED -> gateway(404, ErrorCodes.APIG_NO_API, NO_API, requestId);
            case NOT_FOUND -> notFound(failure, requestId);
            case PAYLOAD_TOO_LARGE -> business(413, codeOr(failure, ErrorCodes.INVALID_REQUEST), failure.message(), requestId);
            case URI_TOO_LONG -> business(414, ErrorCodes.INVALID_REQUEST, failure.message(), requestId);
            case MALFORMED_BODY, INVALID_INPUT, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> business(400,
                    codeOr(failure, ErrorCodes.INVALID_REQUEST), failure.message(), requestId);
            case CONFLICT, RULE_VIOLATED -> business(400, codeOr(failure, ErrorCodes.ILLEGAL_TRANSITION),
                    failure.message(), requestId);
            case UNAVAILABLE -> business(503, codeOr(failure, ErrorCodes.UNAVAILABLE), failure.message(), requestId);
            case INTERNAL -> business(500, codeOr(failure, ErrorCodes.INTERNAL), failure.message(), requestId);
            // The API gateway's own answers: its throttle, and a backend it cannot reach or that does not answer.
            case TOO_MANY_REQUESTS -> gateway(429, codeOr(failure, ErrorCodes.APIG_THROTTLED),
                    "The throttling threshold has been reached: " + failure.message(), requestId);
            case BAD_GATEWAY -> gateway(502, codeOr(failure, ErrorCodes.APIG_BACKEND_UNAVAILABLE), failure.message(),
                    requestId);
            case GATEWAY_TIMEOUT -> gateway(504, codeOr(failure, ErrorCodes.APIG_BACKEND_TIMEOUT), failure.message(),
                    requestId);
        };
    }

    /** The store's workflow or version not found, the vendor's 400 codes; a route that does not exist, the gateway's 404. */
    private static ErrorResponse notFound(Failure failure, String requestId) {
        if (failure.code() != null) {
            return business(400, failure.code(), failure.message(), requestId);
        }
        if (failure.isMissing(Failure.Missing.Thing.WORKFLOW)) {
            return business(400, ErrorCodes.WORKFLOW_NOT_FOUND, "The workflow does not exist: " + failure.missing().key(),
                    requestId);
        }
        if (failure.isMissing(Failure.Missing.Thing.VERSION)) {
            return business(400, ErrorCodes.VERSION_NOT_FOUND,
                    "The workflow version does not exist: " + failure.missing().key(), requestId);
        }
        return gateway(404, ErrorCodes.APIG_NO_API, NO_API, requestId);
    }

    private static String codeOr(Failure failure, String fallback) {
        return failure.code() != null ? failure.code() : fallback;
    }

    private static ErrorResponse business(int status, String code, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("success", false);
        body.put("request_id", requestId);
        return new ErrorResponse(status, JSON, body, Map.of(RequestIds.RESPONSE_HEADER, requestId));
    }

    private static ErrorResponse gateway(int status, String code, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_msg", message);
        body.put("request_id", requestId);
        return new ErrorResponse(status, JSON, body, Map.of(RequestIds.RESPONSE_HEADER, requestId));
    }

    private record IamStatus(int code, String title) {
    }

    private static ErrorResponse iam(Failure failure, String requestId) {
        IamStatus status = switch (failure.kind()) {
            case UNAUTHENTICATED, FORBIDDEN -> new IamStatus(401, "Unauthorized");
            case PAYLOAD_TOO_LARGE -> new IamStatus(413, "Request Entity Too Large");
            case URI_TOO_LONG -> new IamStatus(414, "Request-URI Too Long");
            case NOT_FOUND -> new IamStatus(404, "Not Found");
            case METHOD_NOT_ALLOWED -> new IamStatus(405, "Method Not Allowed");
            case TOO_MANY_REQUESTS -> new IamStatus(429, "Too Many Requests");
            case BAD_GATEWAY -> new IamStatus(502, "Bad Gateway");
            case UNAVAILABLE -> new IamStatus(503, "Service Unavailable");
            case GATEWAY_TIMEOUT -> new IamStatus(504, "Gateway Timeout");
            case INTERNAL -> new IamStatus(500, "Internal Server Error");
            default -> new IamStatus(400, "Bad Request");
        };
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status.code());
        detail.put("title", status.title());
        detail.put("message", status.code() == 401
                ? "The request you have made requires authentication." : failure.message());
        return new ErrorResponse(status.code(), JSON, Map.of("error", detail),
                Map.of(RequestIds.RESPONSE_HEADER, requestId));
    }
}
