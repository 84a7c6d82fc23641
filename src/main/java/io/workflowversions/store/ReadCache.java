package io.workflowversions.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers repeated reads from memory, and stays exact with several instances on one database. Each cached value
 * depends on one topic ({@link ChangeTopics}: a version, a workflow, a credential, a session), and every committed
 * change names the topics it touched in the database's change log, which {@link ChangeLog} reads on every instance;
 * a write through this instance is read from the log before its answer is sent ({@link ReadYourWrites}). A change
 * drops only the values of its topics: a new version leaves every other version's cached read alone. While the log
 * cannot be read, nothing is cached and every read goes to the database.
 * <p>
 * Changes are counted; each topic hashes to one of {@value #SLOTS} slots holding the count at its latest change, and
 * a value is current while no change of its slot came after its load began. Two topics sharing a slot only cost a
 * read from the database. Cached values are shared between requests: callers only read them.
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);
    private static final int SLOTS = 1 << 16;

    /** What a load yields: the value and the topic it depends on. */
    public record Loaded<T>(String topic, T value) {
    }

    private record Entry(Object value, int slot, long loadedAt) {
    }

    private final Cache<Object, Entry> entries;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLongArray changedAt = new AtomicLongArray(SLOTS);
    private volatile long emptiedAt;
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
    public <T> Uni<T> read(Object key, Supplier<Uni<Loaded<T>>> load) {
        if (!listening) {
            return load.get().map(loaded -> loaded == null ? null : loaded.value());
        }
        Entry cached = entries.getIfPresent(key);
        if (cached != null && current(cached.slot(), cached.loadedAt())) {
            return Uni.createFrom().item((T) cached.value());
        }
        long seen = changes.get();
        return load.get().map(loaded -> {
            if (loaded == null) {
                return null;
            }
            int slot = slot(loaded.topic());
            // A change of its topic since the load began: the value may be from before it.
            if (loaded.value() != null && listening && current(slot, seen)) {
                entries.put(key, new Entry(loaded.value(), slot, seen));
            }
            return loaded.value();
        });
    }

    private boolean current(int slot, long loadedAt) {
        return emptiedAt <= loadedAt && changedAt.get(slot) <= loadedAt;
    }

    /** A committed change of this topic ({@link ChangeTopics#EVERYTHING} for all). */
    void changed(String topic) {
        if (ChangeTopics.EVERYTHING.equals(topic)) {
            empty();
            return;
        }
        long change = changes.incrementAndGet();
        changedAt.accumulateAndGet(slot(topic), change, Math::max);
    }

    /** Forgets every cached value. */
    void empty() {
        emptiedAt = changes.incrementAndGet();
        entries.invalidateAll();
    }

    /** Whether changes are being received, so that cached values can be trusted. */
    void listening(boolean listening) {
        if (this.listening != listening) {
            LOG.infof(listening ? "Read cache on: changes from every instance are read from the change log"
                    : "Read cache off until the change log can be read again");
        }
        this.listening = listening;
        empty();
    }

    public boolean listening() {
        return listening;
    }

    private static int slot(String topic) {
        int h = topic.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
