package io.workflowversions.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
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
            HttpServerRequest request = context.request();
            String operation = operations.operationOf(exchange.dialect, request.method().name(), context.normalizedPath());
            journal.add(exchange.time, exchange.dialect, tenant(context), operation,
                    answered ? context.response().getStatusCode() : 0,
                    (System.nanoTime() - exchange.startedNanos) / 1_000_000.0, text(context, exchange, operation));
        } catch (RuntimeException e) {
            // The answer goes out whatever happens to its record.
            LOG.warnf(e, "%s %s could not be recorded in the journal", context.request().method(), context.request().path());
        }
    }

    private byte[] text(RoutingContext context, Exchange exchange, String operation) {
        HttpServerRequest request = context.request();
        Buffer readAhead = RequestBodies.body(context);
        byte[] requestBody = exchange.request() != null ? exchange.request() : readAhead == null ? null : readAhead.getBytes();
        byte[] answer = exchange.answer();
        long answerLength = exchange.answerLength();
        if (Redaction.isLogin(operation)) {
            requestBody = requestBody == null ? null : Redaction.loginBody(requestBody, mapper);
            answer = answer == null ? null : Redaction.loginBody(answer, mapper);
            answerLength = answer == null ? 0 : answer.length;
        }
        int requestLength = requestBody == null ? 0 : requestBody.length;
        return new EntryText.Writer()
                .string(request.method().name()).string(request.path()).string(request.query())
                .headers(request.headers())
                .body(requestBody, Math.min(requestLength, maxBodyBytes), requestLength > maxBodyBytes)
                .headers(context.response().headers())
                .body(answer, answer == null ? 0 : Math.min(answer.length, maxBodyBytes), answerLength > maxBodyBytes)
                .bytes();
    }

    private static String tenant(RoutingContext context) {
        Principal caller = context.user() instanceof QuarkusHttpUser user
                ? CallerIdentity.principal(user.getSecurityIdentity()) : null;
        return caller == null ? null : caller.tenant();
    }
}
