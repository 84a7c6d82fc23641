package io.workflowversions.dialect.secmaster;

import io.workflowversions.http.ErrorEnvelope;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
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

    @Override
    public boolean covers(String path) {
        return Secmaster.isApiPath(path) || Secmaster.isTokenPath(path);
    }

    @Override
    public ErrorResponse render(Failure failure, RequestInfo request) {
        String requestId = RequestIds.choose(request.requestId());
        Map<String, String> headers = Map.of(RequestIds.RESPONSE_HEADER, requestId);
        if (Secmaster.isTokenPath(request.path())) {
            return iam(failure, headers);
        }
        FailureKind kind = failure.kind();
        return switch (kind) {
            case UNAUTHENTICATED -> gateway(401, ErrorCodes.APIG_AUTH,
                    "Incorrect IAM authentication information: " + failure.message(), requestId, headers);
            case FORBIDDEN -> gateway(403, ErrorCodes.APIG_FORBIDDEN,
                    "No permissions to request this method: " + failure.message(), requestId, headers);
            case METHOD_NOT_ALLOWED -> gateway(404, ErrorCodes.APIG_NO_API,
                    "The API does not exist or has not been published in the environment", requestId, headers);
            case NOT_FOUND -> notFound(failure, requestId, headers);
            case PAYLOAD_TOO_LARGE -> business(413, ErrorCodes.INVALID_REQUEST, failure.message(), requestId, headers);
            case URI_TOO_LONG -> business(414, ErrorCodes.INVALID_REQUEST, failure.message(), requestId, headers);
            case MALFORMED_BODY, INVALID_INPUT, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> business(400,
                    codeOr(failure, ErrorCodes.INVALID_REQUEST), failure.message(), requestId, headers);
            case CONFLICT, RULE_VIOLATED -> business(400, codeOr(failure, ErrorCodes.ILLEGAL_TRANSITION),
                    failure.message(), requestId, headers);
            case UNAVAILABLE -> business(503, ErrorCodes.UNAVAILABLE, failure.message(), requestId, headers);
            case INTERNAL -> business(500, ErrorCodes.INTERNAL, failure.message(), requestId, headers);
        };
    }

    /** The store's workflow or version not found, the vendor's 400 codes; a route that does not exist, the gateway's 404. */
    private static ErrorResponse notFound(Failure failure, String requestId, Map<String, String> headers) {
        if (failure.code() != null) {
            return business(400, failure.code(), failure.message(), requestId, headers);
        }
        if (failure.isMissing(Failure.Missing.Thing.WORKFLOW)) {
            return business(400, ErrorCodes.WORKFLOW_NOT_FOUND, "The workflow does not exist: " + failure.missing().key(),
                    requestId, headers);
        }
        if (failure.isMissing(Failure.Missing.Thing.VERSION)) {
            return business(400, ErrorCodes.VERSION_NOT_FOUND,
                    "The workflow version does not exist: " + failure.missing().key(), requestId, headers);
        }
        return gateway(404, ErrorCodes.APIG_NO_API, "The API does not exist or has not been published in the environment",
                requestId, headers);
    }

    private static String codeOr(Failure failure, String fallback) {
        return failure.code() != null ? failure.code() : fallback;
    }

    private static ErrorResponse business(int status, String code, String message, String requestId,
            Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("success", false);
        body.put("request_id", requestId);
        return new ErrorResponse(status, JSON, body, headers);
    }

    private static ErrorResponse gateway(int status, String code, String message, String requestId,
            Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_msg", message);
        body.put("request_id", requestId);
        return new ErrorResponse(status, JSON, body, headers);
    }

    private static ErrorResponse iam(Failure failure, Map<String, String> headers) {
        int status;
        String title;
        String message = failure.message();
        switch (failure.kind()) {
            case UNAUTHENTICATED, FORBIDDEN -> {
                status = 401;
                title = "Unauthorized";
                message = "The request you have made requires authentication.";
            }
            case PAYLOAD_TOO_LARGE -> {
                status = 413;
                title = "Request Entity Too Large";
            }
            case URI_TOO_LONG -> {
                status = 414;
                title = "Request-URI Too Long";
            }
            case NOT_FOUND -> {
                status = 404;
                title = "Not Found";
            }
            case METHOD_NOT_ALLOWED -> {
                status = 405;
                title = "Method Not Allowed";
            }
            case UNAVAILABLE -> {
                status = 503;
                title = "Service Unavailable";
            }
            case INTERNAL -> {
                status = 500;
                title = "Internal Server Error";
            }
            default -> {
                status = 400;
                title = "Bad Request";
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status);
        detail.put("title", title);
        detail.put("message", message);
        return new ErrorResponse(status, JSON, Map.of("error", detail), headers);
    }
}
