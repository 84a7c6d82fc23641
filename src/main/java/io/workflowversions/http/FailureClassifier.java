package io.workflowversions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.workflowversions.store.SqlState;
import io.workflowversions.store.StoreException;
import io.workflowversions.store.VersionNotFound;
import io.workflowversions.store.WorkflowNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Turns any throwable into a {@link Failure}: client mistakes into 4xx kinds, database outages into UNAVAILABLE. */
@ApplicationScoped
public class FailureClassifier {

    private final JsonFieldNames fieldNames;

    FailureClassifier(JsonFieldNames fieldNames) {
        this.fieldNames = fieldNames;
    }

    public Failure classify(Throwable thrown) {
        List<Throwable> chain = causes(thrown);
        // The framework wraps the precise failure (a JSON or validation error) in a generic HTTP exception, so
        // the precise one is looked for first, and the HTTP status only when there is none.
        for (Throwable t : chain) {
            Failure failure = t instanceof WebApplicationException ? null : direct(t);
            if (failure != null) {
                return failure;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof WebApplicationException web) {
                Failure failure = web(web);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return Failure.of(FailureKind.INTERNAL, "An unexpected error occurred");
    }

    private Failure direct(Throwable t) {
        if (t instanceof ApiException api) {
            return api.failure();
        }
        if (t instanceof ForbiddenException) {
            return Failure.of(FailureKind.FORBIDDEN, "This credential may only read");
        }
        if (t instanceof AuthenticationException || t instanceof UnauthorizedException) {
            return Failure.of(FailureKind.UNAUTHENTICATED, "Authentication required");
        }
        if (t instanceof WorkflowNotFound workflow) {
            return Failure.missing(Failure.Missing.Thing.WORKFLOW, workflow.key(), t.getMessage());
        }
        if (t instanceof VersionNotFound version) {
            return Failure.missing(Failure.Missing.Thing.VERSION, version.id(), t.getMessage());
        }
        if (t instanceof StoreException store) {
            return switch (store.reason()) {
                case NOT_FOUND -> Failure.of(FailureKind.NOT_FOUND, store.getMessage());
                case CONFLICT, STALE_REVISION -> Failure.of(FailureKind.CONFLICT, store.getMessage());
            };
        }
        if (t instanceof ConstraintViolationException violations) {
            return validation(violations);
        }
        if (t instanceof JsonProcessingException json) {
            return json(json);
        }
        String sqlState = SqlState.of(t);
        if (sqlState != null) {
            return database(sqlState);
        }
        if (isConnectionFailure(t)) {
            return Failure.of(FailureKind.UNAVAILABLE, "The database is unavailable; try again shortly");
        }
        if (isUnreadableForm(t)) {
            return Failure.of(FailureKind.MALFORMED_BODY, "The request body is not valid multipart data");
        }
        return null;
    }

    /**
     * The framework reads a multipart body before any resource method runs, on any route without a declared body
     * type (a DELETE, say), and fails with an IOException when the body does not hold what its content type says.
     */
    private static boolean isUnreadableForm(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return t instanceof IOException && stack.length > 0
                && stack[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    private Failure web(WebApplicationException web) {
        if (web instanceof NotFoundException) {
            return Failure.of(FailureKind.NOT_FOUND, "No such resource");
        }
        if (web instanceof NotAllowedException) {
            return Failure.of(FailureKind.METHOD_NOT_ALLOWED, "Method not allowed on this resource");
        }
        if (web instanceof NotSupportedException) {
            return Failure.of(FailureKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type; send application/json");
        }
        if (web instanceof NotAcceptableException) {
            return Failure.of(FailureKind.NOT_ACCEPTABLE, "Cannot produce a representation the client accepts");
        }
        int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
        return switch (status) {
            case 400 -> Failure.of(FailureKind.INVALID_INPUT, "Invalid request");
            case 401 -> Failure.of(FailureKind.UNAUTHENTICATED, "Authentication required");
            case 403 -> Failure.of(FailureKind.FORBIDDEN, "Forbidden");
            case 404 -> Failure.of(FailureKind.NOT_FOUND, "No such resource");
            case 405 -> Failure.of(FailureKind.METHOD_NOT_ALLOWED, "Method not allowed on this resource");
            case 406 -> Failure.of(FailureKind.NOT_ACCEPTABLE, "Not acceptable");
            case 413 -> Failure.of(FailureKind.PAYLOAD_TOO_LARGE, "Request body too large");
            case 415 -> Failure.of(FailureKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type");
            case 503 -> Failure.of(FailureKind.UNAVAILABLE, "Service unavailable");
            default -> status >= 400 && status < 500
                    ? Failure.of(FailureKind.INVALID_INPUT, "Invalid request")
                    : null;
        };
    }

    private Failure json(JsonProcessingException json) {
        if (json instanceof StreamReadException) {
            return Failure.of(FailureKind.MALFORMED_BODY, "The request body is not valid JSON");
        }
        if (json instanceof JsonMappingException mapping) {
            String field = JsonFieldNames.path(mapping.getPath());
            String problem;
            if (mapping instanceof ValueInstantiationException || mapping instanceof InvalidFormatException format
                    && format.getTargetType() != null && format.getTargetType().isEnum()) {
                problem = "unknown value";
            } else if (String.valueOf(mapping.getOriginalMessage()).startsWith("Missing required creator property")) {
                problem = "is required";
            } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                problem = "expected " + describe(mismatch.getTargetType());
            } else {
                problem = "invalid value";
            }
            if (field.isEmpty()) {
                return Failure.of(FailureKind.MALFORMED_BODY, "The request body has the wrong shape: " + problem);
            }
            return Failure.invalid(field, problem);
        }
        return Failure.of(FailureKind.MALFORMED_BODY, "The request body is not valid JSON");
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private Failure validation(ConstraintViolationException violations) {
        List<FieldIssue> issues = violations.getConstraintViolations().stream()
                .map(v -> new FieldIssue(fieldNames.of(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldIssue::field).thenComparing(FieldIssue::message))
                .toList();
        String message = issues.stream().map(i -> i.field() + ": " + i.message()).collect(Collectors.joining("; "));
        return new Failure(FailureKind.INVALID_INPUT, null, message, issues);
    }

    private static Failure database(String state) {
        if (state.equals("23505")) {
            return Failure.of(FailureKind.CONFLICT, "Conflicts with existing data");
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return Failure.of(FailureKind.CONFLICT, "Conflicts with a concurrent change; try again");
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return Failure.of(FailureKind.UNAVAILABLE, "The database is unavailable; try again shortly");
        }
        if (state.startsWith("22")) {
            // Data the database refuses (a NUL character, a number out of range): the client's input.
            return Failure.of(FailureKind.INVALID_INPUT, "The request contains a value that cannot be stored");
        }
        return null;
    }

    /**
     * A failure of the connection to the database. A socket error counts too: a database that stops while a query is
     * unread in its socket resets the connection instead of closing it, and the client reports that as it is (a
     * SocketException, or a plain IOException from the channel's read).
     */
    private static boolean isConnectionFailure(Throwable t) {
        String type = t.getClass().getName();
        return t instanceof ConnectException
                || t instanceof SocketException
                || t instanceof ClosedChannelException
                || t instanceof IOException && raisedBySocket(t)
                || type.equals("io.netty.channel.unix.Errors$NativeIoException")
                || t instanceof TimeoutException
                || type.equals("io.vertx.sqlclient.ClosedConnectionException")
                || type.equals("io.netty.channel.ConnectTimeoutException")
                || type.equals("io.vertx.core.impl.NoStackTraceThrowable") && (String.valueOf(t.getMessage()).contains("Timeout")
                        || String.valueOf(t.getMessage()).startsWith("Connection is not active"))
                || type.equals("io.vertx.core.VertxException") && String.valueOf(t.getMessage()).contains("closed");
    }

    /** Thrown by the JDK's socket code itself (every failure on an event loop has Netty further down its stack). */
    private static boolean raisedBySocket(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("sun.nio.ch.");
    }

    /** The throwable, its causes and, for Mutiny's composites, every wrapped failure. */
    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> all = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty() && all.size() < 32) {
            Throwable t = pending.remove(0);
            if (t == null || all.contains(t)) {
                continue;
            }
            all.add(t);
            if (t instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
            pending.add(t.getCause());
        }
        return all;
    }
}
