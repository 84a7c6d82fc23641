package io.workflowversions.store;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads the database's change log (migration V90) every few milliseconds, and at once after each write through this
 * instance ({@link ReadYourWrites}), and tells the {@link ReadCache} which topics changed.
 * <p>
 * The log is read by transaction id from a horizon: the oldest transaction still running when it was last read.
 * Every transaction below the horizon has ended, so every row it committed has been seen; rows at or above it are
 * read again until the horizon passes them, and told to the cache only once (by their sequence number). When the log
 * cannot be read the cache is switched off, and switched on again, empty, at a new horizon.
 * <p>
 * Reads coalesce: a caller waits for the read under way and one more that starts after it, never more.
 */
@ApplicationScoped
public class ChangeLog {

    /** The horizon to start from, from a statement that fails as reading the log would when it cannot be read. */
    private static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint,"
            + " exists (select from change_log)";
    /** One statement, so that the horizon and the rows come from the same snapshot. */
    private static final String SINCE = "select h.horizon, c.seq, c.xid::text::bigint, c.topic"
            + " from (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as horizon) h"
            + " left join change_log c on c.xid >= ($1::bigint)::text::xid8";
    /** Rows are kept a minute; an instance that has not read the log for half that starts again at a new horizon. */
    private static final String PRUNE = "delete from change_log where logged_at < now() - interval '1 minute'";
    private static final long PRUNE_EVERY_MILLIS = 10_000;
    private static final long LOST_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(ChangeLog.class);

    private final Pool pool;
    private final Vertx vertx;
    private final ReadCache cache;
    private final boolean enabled;
    private final long intervalMillis;
    private volatile boolean stopping;

    private Promise<Void> running;
    private Promise<Void> queued;

    // Touched by one read at a time.
    private long horizon = -1;
    private long lastRead;
    private final Map<Long, Long> seen = new HashMap<>();

    ChangeLog(Pool pool, Vertx vertx, ReadCache cache, ServiceConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.cache = cache;
        this.enabled = config.readCacheEntries() > 0;
        this.intervalMillis = Math.max(1, config.changePollInterval().toMillis());
    }

    void start(@Observes StartupEvent started) {
        vertx.setPeriodic(PRUNE_EVERY_MILLIS, tick -> pool.query(PRUNE).execute()
                .onFailure(failure -> LOG.debugf("Change log not pruned this time: %s", failure.getMessage())));
        if (enabled) {
            poll();
        }
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        cache.listening(false);
    }

    private void poll() {
        catchUp().onComplete(done -> {
            if (!stopping) {
                vertx.setTimer(intervalMillis, tick -> poll());
            }
        });
    }

    /** Completes when a read of the log that began after this call has ended (also when it failed: the cache is off then). */
    public Future<Void> catchUp() {
        if (!enabled || stopping) {
            return Future.succeededFuture();
        }
        Promise<Void> now;
        synchronized (this) {
            if (running != null) {
                if (queued == null) {
                    queued = Promise.promise();
                }
                return queued.future();
            }
            running = now = Promise.promise();
        }
        read(now);
        return now.future();
    }

    private void read(Promise<Void> done) {
        boolean lost = horizon >= 0 && System.nanoTime() - lastRead > LOST_AFTER_NANOS;
        Future<Void> reading = horizon < 0 || lost ? begin() : readSince();
        reading.recover(this::lost).onComplete(ignored -> {
            done.complete();
            Promise<Void> next;
            synchronized (this) {
                running = next = queued;
                queued = null;
            }
            if (next != null) {
                read(next);
            }
        });
    }

    private Future<Void> begin() {
        return pool.query(HORIZON).execute().map(rows -> {
            horizon = rows.iterator().next().getLong(0);
            seen.clear();
            lastRead = System.nanoTime();
            cache.listening(true);
            return null;
        });
    }

    private Future<Void> readSince() {
        return pool.preparedQuery(SINCE).execute(Tuple.of(horizon)).map(rows -> {
            long next = horizon;
            for (Row row : rows) {
                next = row.getLong(0);
                Long seq = row.getLong(1);
                if (seq != null && seen.putIfAbsent(seq, row.getLong(2)) == null) {
                    cache.changed(row.getString(3));
                }
            }
            long passed = next;
            seen.values().removeIf(xid -> xid < passed);
            horizon = next;
            lastRead = System.nanoTime();
            return null;
        });
    }

    private Future<Void> lost(Throwable cause) {
        if (horizon >= 0) {
            LOG.warnf("Cannot read the change log (%s); reads go to the database until it can be read again",
                    cause.getMessage());
        }
        horizon = -1;
        cache.listening(false);
        return Future.succeededFuture();
    }
}
