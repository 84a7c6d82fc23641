package io.workflowversions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The failures that happen before or outside JAX-RS: URIs over the length limit, bodies over the size limit, paths
 * with dot segments, form bodies, and paths under an API prefix that match no resource. Each gets the envelope of the API it was sent to instead of the
 * framework's page.
 */
@ApplicationScoped
public class HttpGuards {

    /** After the REST layer, which passes on requests it has no resource for. */
    private static final int AFTER_EVERYTHING = Integer.MAX_VALUE - 1000;

    /** After the dialects' own media-type filters (priority 900), which may declare a form body JSON. */
    private static final int AFTER_MEDIA_TYPES = 800;

    private final ErrorEnvelopes envelopes;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final int maxUriLength;

    HttpGuards(ErrorEnvelopes envelopes, ObjectMapper mapper, ServiceConfig config) {
        this.envelopes = envelopes;
        this.mapper = mapper;
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUriLength = config.maxUriLength();
    }

    void bodyLimit(@Observes Filters filters) {
        filters.register(this::rejectLongUris, 1002);
        filters.register(this::rejectDotSegments, 1001);
        filters.register(this::rejectOversizeBody, 1000);
        filters.register(this::rejectFormBodies, AFTER_MEDIA_TYPES);
    }

    void unmatchedRoutes(@Observes Router router) {
        router.route().order(AFTER_EVERYTHING).handler(this::rejectUnmatched);
    }

    /**
     * The HTTP server's own limit on the request line answers a bare 414 before any envelope can, so it is set far
     * above this one (application.properties), which answers in the envelope of the API the request was sent to.
     */
    private void rejectLongUris(RoutingContext context) {
        if (context.request().uri().length() <= maxUriLength) {
            context.next();
            return;
        }
        send(context, Failure.of(FailureKind.URI_TOO_LONG,
                "The request URI is longer than the limit of " + maxUriLength + " characters"));
    }

    private void rejectOversizeBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (exceeds(length)) {
                refuseTooLarge(context);
            } else {
                context.next();
            }
        } else if (chunked(request) && !request.isEnded()) {
            // A body without a Content-Length is counted here, so that past the limit it is answered in the API's
            // envelope at once; left to the REST layer, it would be cut off with a bare 413.
            RequestBodies.bufferThenNext(context, maxBodyBytes, this::refuseTooLarge);
        } else {
            context.next();
        }
    }

    /**
     * No operation of any API reads form data, but the REST layer parses a form-encoded body before any resource
     * runs on a route that declares no body (a DELETE, say), and a malformed escape in it ({@code %;}) fails outside
     * the request, which then gets no answer at all. Such bodies are refused before anything reads them.
     */
    private void rejectFormBodies(RoutingContext context) {
        HttpServerRequest request = context.request();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !isForm(type) || !hasBody(request) || !envelopes.covers(context.normalizedPath())) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, Failure.of(FailureKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type; send application/json"));
    }

    private static boolean isForm(String contentType) {
        return contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : chunked(request);
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private void refuseTooLarge(RoutingContext context) {
        // The rest of the body is not read; closing after the answer keeps a client that keeps sending from tying us up.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, Failure.of(FailureKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + maxBodyBytes + " bytes"));
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The HTTP layer resolves {@code .} and {@code ..} segments (also as {@code %2e}) before routing, so
     * {@code DELETE /api/v1/flows/7/versions/..} would delete flow 7: a client that builds a URL from an unchecked id
     * would act on the parent resource. Such paths are answered as not found, and nothing runs.
     */
    private void rejectDotSegments(RoutingContext context) {
        String path = context.request().path();
        if (path == null || !hasDotSegment(path) || !envelopes.covers(context.normalizedPath())) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, Failure.of(FailureKind.NOT_FOUND, "No such resource: " + path
                + " (paths with '.' or '..' segments are not resolved)"));
    }

    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private void rejectUnmatched(RoutingContext context) {
        if (context.response().ended() || !envelopes.covers(context.normalizedPath())) {
            context.next();
            return;
        }
        send(context, Failure.of(FailureKind.NOT_FOUND, "No such resource: " + context.normalizedPath()));
    }

    private void send(RoutingContext context, Failure failure) {
        ErrorEnvelope.RequestInfo info = RequestInfos.of(context.request());
        FailureMapper.log(failure, info, null);
        ErrorResponse response = envelopes.render(failure, info);
        context.response().setStatusCode(response.status());
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, response.contentType());
        response.headers().forEach(context.response()::putHeader);
        try {
            String text = response.text(mapper);
            AnswerTap.answered(context, text);
            context.response().end(text);
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
