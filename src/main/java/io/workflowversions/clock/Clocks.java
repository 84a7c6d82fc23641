package io.workflowversions.clock;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.store.ChangeTopics;
import io.workflowversions.store.ControlChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The clocks test suites set (migration V120), kept in the database for every instance and in {@link ServiceClock}
 * for the code that reads the time. They are read again whenever the change log names {@link ChangeTopics#CLOCK}
 * (a change by any instance) and at once after a change through this one.
 */
@ApplicationScoped
public class Clocks {

    /** How far from real time a clock may go: tokens' times follow it, and their parser allows 63 years. */
    public static final Duration REACH = Duration.ofDays(365 * 50 + 12);

    private static final Logger LOG = Logger.getLogger(Clocks.class);
    private static final String SETTING = "select fixed_at, offset_us from clock_setting where scope = $1";
    private static final String ADVANCE = """
            insert into clock_setting as c (scope, dialect, tenant, fixed_at, offset_us)
            select $1, $2, $3, b.fixed_at + $4 * interval '1 microsecond', b.offset_us + $4
            from (select fixed_at, offset_us, 1 as rank from clock_setting where scope = $1
                  union all select fixed_at, offset_us, 2 from clock_setting where scope = ''
                  union all select null, 0, 3) b
            order by b.rank limit 1
            on conflict (scope) do update set fixed_at = c.fixed_at + $4 * interval '1 microsecond',
                offset_us = c.offset_us + $4, updated_at = now()
            returning fixed_at, offset_us""";

    /** The clock in force for a scope, whose setting it is, and the time it gives. */
    public record View(String dialect, String tenant, boolean own, ClockState setting, Instant now) {
    }

    private final Pool pool;
    private final AtomicLong loads = new AtomicLong();

    Clocks(Pool pool) {
        this.pool = pool;
    }

    void start(@Observes StartupEvent started) {
        reload().subscribe().with(loaded -> { }, failure -> LOG.warnf("Clocks not read: %s", failure.getMessage()));
    }

    void changed(@Observes ControlChanged change) {
        if (change.concerns(ChangeTopics.CLOCK)) {
            reload().subscribe().with(loaded -> { }, failure -> LOG.warnf("Clocks not read: %s", failure.getMessage()));
        }
    }

    /** The clock a tenant follows (both null: the service's), read from the database. */
    public Uni<View> get(String dialect, String tenant) {
        return view(pool, dialect, tenant);
    }

    /** Sets the scope's clock: fixed, shifted, or (both null) back to real time or to the service's clock. */
    public Uni<View> set(String dialect, String tenant, Instant fixed, Duration offset) {
        String scope = scopeOf(dialect, tenant);
        Uni<?> write = fixed == null && offset == null
                ? pool.preparedQuery("delete from clock_setting where scope = $1").execute(Tuple.of(scope))
                : pool.preparedQuery("insert into clock_setting (scope, dialect, tenant, fixed_at, offset_us)"
                        + " values ($1, $2, $3, $4, $5) on conflict (scope) do update set fixed_at = excluded.fixed_at,"
                        + " offset_us = excluded.offset_us, updated_at = now()")
                        .execute(Tuple.of(scope, dialect, tenant, fixed == null ? null : fixed.atOffset(ZoneOffset.UTC),
                                offset == null ? 0L : micros(offset)));
        return write.chain(this::reload)
                .chain(() -> get(dialect, tenant))
                .invoke(view -> LOG.infof("Clock of %s set: %s, now %s", name(dialect, tenant), view.setting().mode(),
                        view.now()));
    }

    /** Moves the scope's clock forward; refused when it would pass the latest time a clock may give. */
    public Uni<View> advance(String dialect, String tenant, Duration by) {
        String scope = scopeOf(dialect, tenant);
        return pool.withTransaction(connection -> connection.preparedQuery(ADVANCE)
                        .execute(Tuple.of(scope, dialect, tenant, micros(by)))
                        .chain(() -> view(connection, dialect, tenant))
                        .invoke(view -> {
                            if (!withinReach(view.now())) {
                                throw new ApiException(Failure.invalid("by", "moves the clock more than 50 years past real time"));
                            }
                        }))
                .call(this::reload)
                .invoke(view -> LOG.infof("Clock of %s advanced by %s: now %s", name(dialect, tenant), by, view.now()));
    }

    /** Reads every clock; of several reloads under way, the one that began last wins. */
    Uni<Void> reload() {
        long load = loads.incrementAndGet();
        return pool.query("select scope, fixed_at, offset_us from clock_setting").execute().invoke(rows -> {
            Map<String, ClockState> settings = new HashMap<>();
            rows.forEach(row -> settings.put(row.getString("scope"), setting(row)));
            if (load == loads.get()) {
                ServiceClock.use(settings);
            }
        }).replaceWithVoid();
    }

    private static Uni<View> view(SqlClient client, String dialect, String tenant) {
        String scope = scopeOf(dialect, tenant);
        return client.preparedQuery(SETTING).execute(Tuple.of(scope))
                .chain(own -> own.size() > 0 || scope.equals(ServiceClock.SERVICE)
                        ? Uni.createFrom().item(new Found(own.size() > 0 && tenant != null, own.size() > 0
                                ? setting(own.iterator().next()) : ClockState.REAL))
                        : client.preparedQuery(SETTING).execute(Tuple.of(ServiceClock.SERVICE))
                                .map(service -> new Found(false, service.size() > 0 ? setting(service.iterator().next())
                                        : ClockState.REAL)))
                .map(found -> new View(dialect, tenant, found.own(), found.setting(),
                        found.setting().at(Instant.now()).truncatedTo(ChronoUnit.MICROS)));
    }

    private record Found(boolean own, ClockState setting) {
    }

    private static ClockState setting(Row row) {
        OffsetDateTime fixed = row.getOffsetDateTime("fixed_at");
        return new ClockState(fixed == null ? null : fixed.toInstant(), Duration.of(row.getLong("offset_us"), ChronoUnit.MICROS));
    }

    private static String scopeOf(String dialect, String tenant) {
        return tenant == null ? ServiceClock.SERVICE : ServiceClock.scope(dialect, tenant);
    }

    private static String name(String dialect, String tenant) {
        return tenant == null ? "the service" : dialect + " tenant " + tenant;
    }

    /** Whether a clock may give this time now. */
    public static boolean withinReach(Instant time) {
        Instant real = Instant.now();
        return !time.isBefore(real.minus(REACH)) && !time.isAfter(real.plus(REACH));
    }

    static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
    }
}
