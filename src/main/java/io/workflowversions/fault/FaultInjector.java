package io.workflowversions.fault;

import io.netty.channel.ChannelOption;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.http.ApiOperations;
import io.workflowversions.http.ErrorAnswers;
import io.workflowversions.http.ErrorEnvelopes;
import io.workflowversions.http.ErrorResponse;
import io.workflowversions.http.Failure;
import io.workflowversions.http.RequestInfos;
import io.workflowversions.security.CallerIdentity;
import io.workflowversions.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the fault rules in force to each request to a dialect, before its operation runs (and before the dialects'
 * own checks): so a faulted request writes nothing, unless its fault is only a latency.
 */
@ApplicationScoped
public class FaultInjector {

    private static final Logger LOG = Logger.getLogger(FaultInjector.class);
    private static final Uni<Response> GO_ON = Uni.createFrom().nullItem();

    private final FaultRules rules;
    private final ErrorEnvelopes envelopes;
    private final ErrorAnswers answers;
    private final ApiOperations operations;
    private final Vertx vertx;

    FaultInjector(FaultRules rules, ErrorEnvelopes envelopes, ErrorAnswers answers, ApiOperations operations, Vertx vertx) {
        this.rules = rules;
        this.envelopes = envelopes;
        this.answers = answers;
        this.operations = operations;
        this.vertx = vertx;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> inject(RoutingContext context) {
        List<FaultRule> inForce = rules.inForce();
        if (inForce.isEmpty()) {
            return GO_ON;
        }
        String path = context.normalizedPath();
        String dialect = envelopes.dialectOf(path);
        if (dialect == null) {
            return GO_ON;
        }
        String method = context.request().method().name();
        String operation = operations.operationOf(dialect, method, path);
        Instant now = Instant.now();
        List<FaultRule> matching = inForce.stream().filter(rule -> rule.matches(dialect, method, path, operation, now)).toList();
        if (matching.isEmpty()) {
            return GO_ON;
        }
        Uni<String> tenant = matching.stream().anyMatch(rule -> rule.tenant() != null) ? tenant(context)
                : Uni.createFrom().nullItem();
        return tenant.flatMap(caller -> firing(matching, 0, caller))
                .flatMap(rule -> rule == null ? GO_ON : apply(rule, context));
    }

    /** The caller's tenant; null when the request is not authenticated (it is then refused as usual, later). */
    private static Uni<String> tenant(RoutingContext context) {
        return QuarkusHttpUser.getSecurityIdentity(context, null)
                .map(identity -> {
                    Principal caller = CallerIdentity.principal(identity);
                    return caller == null ? null : caller.tenant();
                })
                .onFailure().recoverWithNull();
    }

    /** The first rule from {@code index} on that fires, its time taken if it has a count; null when none does. */
    private Uni<FaultRule> firing(List<FaultRule> matching, int index, String tenant) {
        if (index == matching.size()) {
            return Uni.createFrom().nullItem();
        }
        FaultRule rule = matching.get(index);
        boolean fires = (rule.tenant() == null || rule.tenant().equals(tenant))
                && (rule.probability() >= 1.0 || ThreadLocalRandom.current().nextDouble() < rule.probability());
        if (!fires) {
            return firing(matching, index + 1, tenant);
        }
        if (!rule.limited()) {
            return Uni.createFrom().item(rule);
        }
        return rules.take(rule.id()).flatMap(taken -> taken ? Uni.createFrom().item(rule) : firing(matching, index + 1, tenant));
    }

    private Uni<Response> apply(FaultRule rule, RoutingContext context) {
        HttpServerRequest request = context.request();
        FaultRule.Action action = rule.action();
        LOG.infof("Fault rule %s: %s on %s %s", rule.id(), action.type().name().toLowerCase(), request.method(), request.path());
        return switch (action.type()) {
            case LATENCY -> after(delay(action)).replaceWith(GO_ON);
            case ERROR -> Uni.createFrom().item(answers.response(error(action, request)));
            case RESET -> {
                reset(request);
                yield Uni.createFrom().nothing();
            }
            case DROP -> after(action.minMs()).invoke(() -> request.connection().close()).replaceWith(Uni.createFrom().nothing());
        };
    }

    private ErrorResponse error(FaultRule.Action action, HttpServerRequest request) {
        ErrorResponse rendered = envelopes.render(new Failure(action.kind(), action.code(), action.message(), List.of()),
                RequestInfos.of(request));
        if (action.retryAfter() == null) {
            return rendered;
        }
        Map<String, String> headers = new HashMap<>(rendered.headers());
        headers.put("Retry-After", String.valueOf(action.retryAfter()));
        return new ErrorResponse(rendered.status(), rendered.contentType(), rendered.body(), headers);
    }

    private static int delay(FaultRule.Action action) {
        return action.minMs() == action.maxMs() ? action.minMs()
                : ThreadLocalRandom.current().nextInt(action.minMs(), action.maxMs() + 1);
    }

    /** Completes on this request's event loop after {@code ms}. */
    private Uni<Void> after(int ms) {
        if (ms <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(ms, tick -> emitter.complete(null)));
    }

    private static void reset(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
            return;
        }
        // Vert.x has no public way to close a connection with a TCP RST; a zero linger time makes the close one.
        ((ConnectionBase) request.connection()).channel().config().setOption(ChannelOption.SO_LINGER, 0);
        request.connection().close();
    }
}
