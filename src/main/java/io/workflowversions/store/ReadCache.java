package io.workflowversions.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers repeated reads from memory, and stays exact with several instances on one database: every committed change
 * to workflows, versions or credentials is announced by the database ({@link ChangeNotices}) and empties the cache of
 * every instance; a write through this instance empties it before its answer is sent ({@link LocalWritesEmptyCache}).
 * While the announcements cannot be received (no listening connection), nothing is cached and every read goes to the
 * database.
 * <p>
 * A read that was under way when the cache was emptied is not kept, since it may have seen the state from before the
 * change. Cached values are shared between requests: callers only read them.
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final Cache<Object, Object> entries;
    /** Counts the emptyings; a loaded value is kept only if none happened while it was loaded. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    @Inject
    ReadCache(ServiceConfig config) {
        this(config.readCacheEntries());
    }

    ReadCache(long maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
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
        Object cached = entries.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item((T) cached);
        }
        long seen = generation.get();
        return load.get().invoke(value -> keep(key, value, seen));
    }

    private void keep(Object key, Object value, long seen) {
        if (value == null || !listening || generation.get() != seen) {
            return;
        }
        entries.put(key, value);
        // Emptied between the check and the put: the value may be from before the change.
        if (generation.get() != seen) {
            entries.asMap().remove(key, value);
        }
    }

    /** Forgets every cached value. */
    public void empty() {
        generation.incrementAndGet();
        entries.invalidateAll();
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
}
