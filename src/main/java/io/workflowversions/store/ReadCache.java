package io.workflowversions.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.workflowversions.config.ServiceConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers repeated reads from memory, and stays exact with several instances on one database: every committed change
 * to workflows, versions, credentials or Fortanix sessions is announced by the database ({@link ChangeNotices}) and
 * empties the matching part of the cache of every instance; a write through this instance empties it before its answer
 * is sent ({@link LocalWritesEmptyCache}). While the announcements cannot be received (no listening connection),
 * nothing is cached and every read goes to the database.
 * <p>
 * Two parts are emptied separately, so that the stream of version writes does not make every request read its caller's
 * credential again: what the store holds, and who may call ({@link AccessKey}: credentials and sessions).
 * <p>
 * A read that was under way when its part was emptied is not kept, since it may have seen the state from before the
 * change. Cached values are shared between requests: callers only read them.
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    /** Marks the keys of cached credentials and sessions: emptied by changes to those, not by version writes. */
    public interface AccessKey {
    }

    private static final String ACCESS_CHANGING = ReadCache.class.getName() + ".accessChanging";

    private final Entries store;
    private final Entries access;
    private volatile boolean listening;

    @Inject
    ReadCache(ServiceConfig config) {
        this(config.readCacheEntries());
    }

    ReadCache(long maxEntries) {
        this.store = new Entries(maxEntries);
        this.access = new Entries(maxEntries);
    }

    /**
     * The value cached under {@code key}, else what {@code load} yields (kept for the next read when it is not null).
     * A key must name everything the value depends on, the caller's tenant included.
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> read(Object key, Supplier<Uni<T>> load) {
        if (!listening) {
            return load.get();
        }
        Entries part = key instanceof AccessKey ? access : store;
        Object cached = part.values.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item((T) cached);
        }
        long seen = part.generation.get();
        return load.get().invoke(value -> keep(part, key, value, seen));
    }

    private void keep(Entries part, Object key, Object value, long seen) {
        if (value == null || !listening || part.generation.get() != seen) {
            return;
        }
        part.values.put(key, value);
        // Emptied between the check and the put: the value may be from before the change.
        if (part.generation.get() != seen) {
            part.values.asMap().remove(key, value);
        }
    }

    /** Forgets every cached value. */
    void empty() {
        store.empty();
        access.empty();
    }

    /** A change announced by the database: the table it changed, or anything else to forget everything. */
    void changed(String table) {
        switch (table == null ? "" : table) {
            case "workflow", "workflow_version" -> store.empty();
            case "credential", "fortanix_session" -> access.empty();
            default -> empty();
        }
    }

    /**
     * Marks the current request as one that changes credentials or sessions, so that {@link #emptyAfterWrite} empties
     * those too. Outside a request they are emptied at once.
     */
    public void accessChanging() {
        Context request = Vertx.currentContext();
        if (request != null) {
            request.putLocal(ACCESS_CHANGING, Boolean.TRUE);
        } else {
            access.empty();
        }
    }

    /** After a request that may have written (committed by now): what the store holds, and access if it changed. */
    void emptyAfterWrite() {
        store.empty();
        Context request = Vertx.currentContext();
        if (request != null && request.getLocal(ACCESS_CHANGING) != null) {
            access.empty();
        }
    }

    /** Whether changes are being received, so that cached values can be trusted. */
    void listening(boolean listening) {
        if (this.listening != listening) {
            LOG.infof(listening ? "Read cache on: changes from every instance are received"
                    : "Read cache off until changes can be received again");
        }
        this.listening = listening;
        empty();
    }

    public boolean listening() {
        return listening;
    }

    /** One part's values, and the count of its emptyings: a loaded value is kept only if none happened meanwhile. */
    private static final class Entries {
        final Cache<Object, Object> values;
        final AtomicLong generation = new AtomicLong();

        Entries(long maxEntries) {
            values = Caffeine.newBuilder().maximumSize(maxEntries).build();
        }

        void empty() {
            generation.incrementAndGet();
            values.invalidateAll();
        }
    }
}
