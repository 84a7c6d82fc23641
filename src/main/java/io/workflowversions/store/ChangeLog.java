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
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads the database's change log (migration V90) every few milliseconds, and at once after each write through this
 * instance ({@link ReadYourWrites}), and tells the {@link ReadCache} which topics changed, and the test-suite controls
 * which of theirs did ({@link ControlChanged}: fault rules, say), also when the read cache is off.
 * <p>
 * The log is read by transaction id against the snapshot of the previous read: the rows of transactions that began
 * after it (ids from its xmax on) and of those it saw still running (its xip list). Every other transaction had ended
 * by then, so its rows were read then or before; no row is read twice, whatever order transactions commit in. When
 * the log cannot be read the cache is switched off, and switched on again, empty, from a new snapshot.
 * <p>
 * Reads coalesce: a caller waits for the read under way and one more that starts after it, never more.
 */
@ApplicationScoped
public class ChangeLog {

    /** The snapshot: transactions from xmax on had not begun, those in xip were running. */
    private static final String SNAPSHOT = "pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
            + " array(select x::text::bigint from pg_snapshot_xip(pg_current_snapshot()) x)";
    /** The snapshot to start from, from a statement that fails as reading the log would when it cannot be read. */
    private static final String START = "select " + SNAPSHOT + ", exists (select from change_log)";
    /** One statement, so that the next snapshot and the rows come from the same one. */
    private static final String SINCE = "select s.*, c.topic from (select " + SNAPSHOT + ") s left join change_log c"
            + " on c.xid >= ($1::bigint)::text::xid8 or c.xid = any(($2::bigint[])::text[]::xid8[])";
    /** Rows are kept a minute; an instance that has not read the log for half that starts again from a new snapshot. */
    private static final String PRUNE = "delete from change_log where logged_at < now() - interval '1 minute'";
    private static final long PRUNE_EVERY_MILLIS = 10_000;
    private static final long LOST_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(ChangeLog.class);

    private final Pool pool;
    private final Vertx vertx;
    private final ReadCache cache;
    private final Event<ControlChanged> controls;
    private final boolean caching;
    private final long intervalMillis;
    private volatile boolean stopping;

    private Promise<Void> underWay;
    private Promise<Void> queued;

    // Touched by one read at a time: the previous read's snapshot (xmax -1: none, start again).
    private long xmax = -1;
    private Long[] running = {};
    private long lastRead;
    private boolean reported;

    ChangeLog(Pool pool, Vertx vertx, ReadCache cache, Event<ControlChanged> controls, ServiceConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.cache = cache;
        this.controls = controls;
        this.caching = config.readCacheEntries() > 0;
        this.intervalMillis = Math.max(1, config.changePollInterval().toMillis());
    }

    void start(@Observes StartupEvent started) {
        vertx.setPeriodic(PRUNE_EVERY_MILLIS, tick -> pool.query(PRUNE).execute()
                .onFailure(failure -> LOG.debugf("Change log not pruned this time: %s", failure.getMessage())));
        poll();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        cache.listening(false);
    }

    private void poll() {
        readNow().onComplete(done -> {
            if (!stopping) {
                vertx.setTimer(intervalMillis, tick -> poll());
            }
        });
    }

    /** Completes when a read of the log that began after this call has ended (also when it failed: the cache is off then). */
    public Future<Void> catchUp() {
        return caching ? readNow() : Future.succeededFuture();
    }

    private Future<Void> readNow() {
        if (stopping) {
            return Future.succeededFuture();
        }
        Promise<Void> now;
        synchronized (this) {
            if (underWay != null) {
                if (queued == null) {
                    queued = Promise.promise();
                }
                return queued.future();
            }
            underWay = now = Promise.promise();
        }
        read(now);
        return now.future();
    }

    private void read(Promise<Void> done) {
        boolean stale = xmax >= 0 && System.nanoTime() - lastRead > LOST_AFTER_NANOS;
        Future<Void> reading = xmax < 0 || stale ? begin() : readSince();
        reading.recover(this::lost).onComplete(ignored -> {
            done.complete();
            Promise<Void> next;
            synchronized (this) {
                underWay = next = queued;
                queued = null;
            }
            if (next != null) {
                read(next);
            }
        });
    }

    private Future<Void> begin() {
        return pool.query(START).execute().map(rows -> {
            keep(rows.iterator().next());
            if (caching) {
                cache.listening(true);
            }
            // Changes while the log was not read are not known: every control reloads.
            controls.fire(new ControlChanged(ChangeTopics.EVERYTHING));
            return null;
        });
    }

    private Future<Void> readSince() {
        return pool.preparedQuery(SINCE).execute(Tuple.tuple().addLong(xmax).addArrayOfLong(running)).map(rows -> {
            Row snapshot = null;
            for (Row row : rows) {
                snapshot = row;
                String topic = row.getString(2);
                if (topic != null && topic.startsWith(ChangeTopics.CONTROL)) {
                    controls.fire(new ControlChanged(topic));
                } else if (topic != null) {
                    cache.changed(topic);
                }
            }
            keep(snapshot);
            reported = false;
            return null;
        });
    }

    private void keep(Row snapshot) {
        xmax = snapshot.getLong(0);
        running = snapshot.getArrayOfLongs(1);
        lastRead = System.nanoTime();
    }

    private Future<Void> lost(Throwable cause) {
        if (!reported) {
            reported = true;
            LOG.warnf("Cannot read the change log (%s); reads go to the database until it can be read again",
                    cause.getMessage());
        }
        xmax = -1;
        cache.listening(false);
        return Future.succeededFuture();
    }
}
