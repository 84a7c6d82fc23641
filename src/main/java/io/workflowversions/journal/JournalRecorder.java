package io.workflowversions.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.config.ServiceConfig;
import io.workflowversions.http.AnswerTap;
import io.workflowversions.http.ApiOperations;
import io.workflowversions.http.ErrorEnvelopes;
import io.workflowversions.http.RequestBodies;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Records every request to a dialect in the {@link RequestJournal} as it is answered. The bodies arrive through the
 * {@link Exchange} this attaches to the request: the request's from {@link RequestTee}, the answer's as an
 * {@link AnswerTap}.
 */
@ApplicationScoped
class JournalRecorder {

    private static final Logger LOG = Logger.getLogger(JournalRecorder.class);

    /** Before the URI and body guards (1000 to 1002), so that their refusals are recorded too. */
    private static final int BEFORE_GUARDS = 1010;

    private final RequestJournal journal;
    private final ErrorEnvelopes envelopes;
    private final ApiOperations operations;
    private final ObjectMapper mapper;
    private final int maxBodyBytes;

    JournalRecorder(RequestJournal journal, ErrorEnvelopes envelopes, ApiOperations operations, ObjectMapper mapper,
            ServiceConfig config) {
        this.journal = journal;
        this.envelopes = envelopes;
        this.operations = operations;
        this.mapper = mapper;
        this.maxBodyBytes = Math.max(0, config.journal().maxBodyBytes());
    }

    void register(@Observes Filters filters) {
        if (journal.enabled()) {
            filters.register(this::start, BEFORE_GUARDS);
        }
    }

    private void start(RoutingContext context) {
        String dialect = envelopes.dialectOf(context.normalizedPath());
        if (dialect != null) {
            Exchange exchange = new Exchange(Instant.now(), System.nanoTime(), dialect, maxBodyBytes);
            AnswerTap.attach(context, exchange);
            // Recorded as the answer's headers go out, so that a client that reads the journal after its answer
            // finds it there; a request closed before it was answered is recorded when it ends.
            context.addHeadersEndHandler(answering -> record(context, exchange, true));
            context.addEndHandler(ended -> record(context, exchange, context.response().headWritten()));
        }
        context.next();
    }

    private void record(RoutingContext context, Exchange exchange, boolean answered) {
        if (!exchange.recordOnce()) {
            return;
        }
        try {
            journal.add(entry(context, exchange, answered ? context.response().getStatusCode() : 0));
        } catch (RuntimeException e) {
            // The answer goes out whatever happens to its record.
            LOG.warnf(e, "%s %s could not be recorded in the journal", context.request().method(), context.request().path());
        }
    }

    private JournalEntry entry(RoutingContext context, Exchange exchange, int status) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String method = request.method().name();
        String operation = operations.operationOf(exchange.dialect, method, context.normalizedPath());
        Buffer readAhead = RequestBodies.body(context);
        return new JournalEntry(0, exchange.time, exchange.dialect, tenant(context), operation, method, request.path(),
                request.query(), status,
                (System.nanoTime() - exchange.startedNanos) / 1_000_000.0,
                Redaction.headers(request.headers()),
                Redaction.body(operation, exchange.requestBody(readAhead == null ? null : readAhead.getBytes()), mapper),
                Redaction.headers(response.headers()),
                Redaction.body(operation, exchange.answerBody(), mapper));
    }

    private static String tenant(RoutingContext context) {
        Principal caller = context.user() instanceof QuarkusHttpUser user
                ? CallerIdentity.principal(user.getSecurityIdentity()) : null;
        return caller == null ? null : caller.tenant();
    }
}
