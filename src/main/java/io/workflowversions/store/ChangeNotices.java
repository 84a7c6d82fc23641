package io.workflowversions.store;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Listens, on one connection of the pool, for the database's announcements of committed changes (the triggers of
 * migration V70) and empties the {@link ReadCache} on each. When the connection is lost the cache is switched off
 * and the connection is opened again every second; announcements missed meanwhile do not matter, because the cache
 * is emptied when listening starts again.
 */
@ApplicationScoped
public class ChangeNotices {

    static final String CHANNEL = "workflow_versions_changed";
    private static final long RETRY_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);

    private final Pool pool;
    private final Vertx vertx;
    private final ReadCache cache;
    private final boolean enabled;
    private volatile boolean stopping;

    ChangeNotices(Pool pool, Vertx vertx, ReadCache cache, ServiceConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.cache = cache;
        this.enabled = config.readCacheEntries() > 0;
    }

    void start(@Observes StartupEvent started) {
        if (enabled) {
            listen();
        }
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        cache.listening(false);
    }

    private void listen() {
        pool.getConnection().onComplete(opened -> {
            if (opened.failed()) {
                retryLater(opened.cause());
                return;
            }
            SqlConnection connection = opened.result();
            PgConnection pg = PgConnection.cast(connection);
            pg.notificationHandler(notice -> cache.changed(notice.getPayload()));
            pg.closeHandler(closed -> {
                cache.listening(false);
                retryLater(null);
            });
            connection.query("LISTEN " + CHANNEL).execute().onComplete(listened -> {
                if (listened.succeeded()) {
                    cache.listening(true);
                } else {
                    pg.closeHandler(null);
                    connection.close();
                    retryLater(listened.cause());
                }
            });
        });
    }

    private void retryLater(Throwable cause) {
        if (stopping) {
            return;
        }
        if (cause != null) {
            LOG.debugf("Cannot listen for changes yet (%s); retrying in %d ms", cause.getMessage(), RETRY_MILLIS);
        }
        vertx.setTimer(RETRY_MILLIS, tick -> listen());
    }
}
