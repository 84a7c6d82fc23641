package io.workflowversions.clock;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Map;

/**
 * The time the service lives by: real time unless a test suite set a clock (admin API, {@link Clocks}). A request's
 * clock is its tenant's when that tenant has one, else the service's; the request's scope is kept on its Vert.x
 * context ({@link ClockScopeFilter}). Static, because the code that stamps times (entities, token claims) has no
 * request to ask.
 */
public final class ServiceClock {

    /** The key of the service's own setting. */
    static final String SERVICE = "";
    private static final String SCOPE = ServiceClock.class.getName() + ".scope";

    private static volatile Map<String, ClockState> settings = Map.of();

    private ServiceClock() {
    }

    /** Now, by the clock of the current request's tenant, or of the service outside a tenant's request. */
    public static Instant now() {
        Map<String, ClockState> current = settings;
        if (current.isEmpty()) {
            return Instant.now();
        }
        return at(current, currentScope());
    }

    /** Now, by the clock of this tenant of the dialect; a null tenant means the service's clock. */
    public static Instant now(String dialect, String tenant) {
        Map<String, ClockState> current = settings;
        if (current.isEmpty()) {
            return Instant.now();
        }
        return at(current, tenant == null ? SERVICE : scope(dialect, tenant));
    }

    static String scope(String dialect, String tenant) {
        return dialect + "/" + tenant;
    }

    static void use(Map<String, ClockState> loaded) {
        settings = Map.copyOf(loaded);
    }

    /** Whether some tenant has a clock of its own: only then does a request need its scope. */
    static boolean anyTenantClock() {
        Map<String, ClockState> current = settings;
        return current.size() > (current.containsKey(SERVICE) ? 1 : 0);
    }

    /** Marks the current request as one of this tenant's. */
    static void enter(String dialect, String tenant) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(SCOPE, scope(dialect, tenant));
        }
    }

    private static String currentScope() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            String scope = context.getLocal(SCOPE);
            return scope == null ? SERVICE : scope;
        }
        return SERVICE;
    }

    private static Instant at(Map<String, ClockState> current, String scope) {
        ClockState setting = current.get(scope);
        if (setting == null) {
            setting = current.get(SERVICE);
        }
        return setting == null ? Instant.now() : setting.at(Instant.now());
    }
}
