package io.workflowversions.security;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import io.workflowversions.clock.ServiceClock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Slows down password guessing: after {@code max-failures} failed logins of one user within {@code window}, every
 * further login of that user, right or wrong, is refused for {@code cooldown}, and each refusal is logged.
 *
 * <p>The counters live in the database ({@code login_throttle}), updated by one atomic upsert per failure, so the
 * limit holds across every instance that shares the database: spreading attempts over several instances gains an
 * attacker nothing. The statements run on their own connection, outside the request's transaction, so a failed
 * login is counted even though the request fails.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String BLOCKED_SQL = "select blocked_until from login_throttle"
            + " where dialect = $1 and username = $2 and blocked_until > $3";

    /** $6 is now by the service's clock. */
    private static final String FAILURE_SQL = """
            insert into login_throttle as t (dialect, username, window_start, failures, blocked_until)
            values ($1, $2, $6, 1, case when 1 >= $3 then $6 + $5 * interval '1 millisecond' end)
            on conflict (dialect, username) do update set
                window_start = case when t.window_start <= $6 - $4 * interval '1 millisecond'
                                    then $6 else t.window_start end,
                failures = case when t.window_start <= $6 - $4 * interval '1 millisecond'
                                then 1 else t.failures + 1 end,
                blocked_until = case when (case when t.window_start <= $6 - $4 * interval '1 millisecond'
                                                then 1 else t.failures + 1 end) >= $3
                                     then $6 + $5 * interval '1 millisecond' else t.blocked_until end
            returning failures, blocked_until""";

    private static final String SUCCESS_SQL = "delete from login_throttle where dialect = $1 and username = $2"
            + " and (blocked_until is null or blocked_until <= $3)";

    private final Pool pool;
    private final ServiceConfig config;

    LoginThrottle(Pool pool, ServiceConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Whether this user is in a cooling period now; a refusal is logged. */
    public Uni<Boolean> blocked(String dialect, String username) {
        return query(BLOCKED_SQL, Tuple.of(dialect, key(username), now(dialect))).map(rows -> {
            if (rows.size() == 0) {
                return false;
            }
            OffsetDateTime until = rows.iterator().next().getOffsetDateTime("blocked_until");
            Log.warnf("Login refused for user '%s' of %s: too many failed attempts, cooling down until %s",
                    printable(username), dialect, until);
            return true;
        });
    }

    /** Counts a failed login; the failure that reaches the limit starts the cooling period (logged). */
    public Uni<Void> failed(String dialect, String username) {
        ServiceConfig.Login login = config.login();
        return query(FAILURE_SQL, Tuple.from(List.of(dialect, key(username), login.maxFailures(), login.window().toMillis(),
                login.cooldown().toMillis(), now(dialect)))).invoke(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getInteger("failures") == login.maxFailures()) {
                        Log.warnf("User '%s' of %s failed to log in %d times within %s; further logins are refused"
                                + " until %s", printable(username), dialect, login.maxFailures(), login.window(),
                                row.getOffsetDateTime("blocked_until"));
                    }
                }).replaceWithVoid();
    }

    /** A successful login forgets earlier failures (but never ends a cooling period early). */
    public Uni<Void> succeeded(String dialect, String username) {
        return query(SUCCESS_SQL, Tuple.of(dialect, key(username), now(dialect))).replaceWithVoid();
    }

    /** A login's tenant is not known before it succeeds: cooling periods follow the service's clock. */
    private static OffsetDateTime now(String dialect) {
        return ServiceClock.now(dialect, null).atOffset(ZoneOffset.UTC);
    }

    private Uni<RowSet<Row>> query(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).ifNoItem().after(config.databaseTimeout()).fail();
    }

    /** User names compare without case, as the credential lookup does; bounded so that huge names cost nothing. */
    private static String key(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return name.length() > 512 ? name.substring(0, 512) : name.replace('\u0000', '?');
    }

    private static String printable(String username) {
        StringBuilder out = new StringBuilder();
        key(username).codePoints().limit(128).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
