package io.workflowversions.journal;

import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest exchanges with the dialects, in this instance's memory, bounded in entries and in bytes: the oldest go
 * first. Each entry's text lives in one byte ring allocated once, and what readers filter on in arrays beside it, so
 * that a busy journal keeps no objects alive for the garbage collector to copy and promote: kept as objects, 1,000
 * entries overflowed the young generation at every collection and filled the old one within a second.
 */
@ApplicationScoped
public class RequestJournal {

    private final boolean enabled;
    private final int maxEntries;
    private final int maxBytes;
    private byte[] ring;
    private final long[] times;
    private final int[] statuses;
    private final double[] durations;
    private final String[] dialects;
    private final String[] tenants;
    private final String[] operations;
    private final long[] starts;
    private final int[] lengths;
    /** The live entries are those numbered first to next - 1; an entry's slot is its number modulo maxEntries. */
    private long first = 1;
    private long next = 1;
    /** Bytes written to the ring since the start; an entry's text starts at its start modulo the ring's size. */
    private long written;

    @Inject
    RequestJournal(ServiceConfig config) {
        this(config.journal().enabled().orElse(config.embeddedDatabase()), config.journal().maxEntries(),
                config.journal().maxBytes());
    }

    RequestJournal(boolean enabled, int maxEntries, long maxBytes) {
        this.enabled = enabled;
        this.maxEntries = enabled ? Math.max(1, maxEntries) : 1;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, maxBytes));
        times = new long[this.maxEntries];
        statuses = new int[this.maxEntries];
        durations = new double[this.maxEntries];
        dialects = new String[this.maxEntries];
        tenants = new String[this.maxEntries];
        operations = new String[this.maxEntries];
        starts = new long[this.maxEntries];
        lengths = new int[this.maxEntries];
    }

    public boolean enabled() {
        return enabled;
    }

    /** Keeps one exchange: what readers filter on, and the rest as {@link EntryText}. */
    void add(Instant time, String dialect, String tenant, String operation, int status, double durationMs, byte[] text) {
        synchronized (this) {
            if (text.length > maxBytes) {
                return;
            }
            if (ring == null) {
                ring = new byte[maxBytes];
            }
            while (next - first >= maxEntries || first < next && written + text.length - starts[slot(first)] > maxBytes) {
                release(first++);
            }
            int slot = slot(next++);
            times[slot] = EntryText.epochNanos(time);
            statuses[slot] = status;
            durations[slot] = durationMs;
            dialects[slot] = dialect;
            tenants[slot] = tenant;
            operations[slot] = operation;
            starts[slot] = written;
            lengths[slot] = text.length;
            copyIn(text, written);
            written += text.length;
        }
    }

    /** The newest matching entries, newest first. */
    public synchronized List<JournalEntry> newest(JournalQuery query, int limit) {
        List<JournalEntry> found = new ArrayList<>();
        for (long number = next - 1; number >= first && found.size() < limit; number--) {
            if (matches(query, slot(number))) {
                found.add(read(number));
            }
        }
        return found;
    }

    public synchronized long count(JournalQuery query) {
        long count = 0;
        for (long number = first; number < next; number++) {
            if (matches(query, slot(number))) {
                count++;
            }
        }
        return count;
    }

    public synchronized void clear() {
        while (first < next) {
            release(first++);
        }
    }

    private boolean matches(JournalQuery query, int slot) {
        return (query.dialect() == null || query.dialect().equals(dialects[slot]))
                && (query.operation() == null || query.operation().equals(operations[slot]))
                && (query.tenant() == null || query.tenant().equals(tenants[slot]))
                && (query.status() == null || query.status() == statuses[slot])
                && (query.since() == null || times[slot] >= EntryText.epochNanos(query.since()));
    }

    private JournalEntry read(long number) {
        int slot = slot(number);
        byte[] text = new byte[lengths[slot]];
        int at = (int) (starts[slot] % maxBytes);
        int head = Math.min(text.length, maxBytes - at);
        System.arraycopy(ring, at, text, 0, head);
        System.arraycopy(ring, 0, text, head, text.length - head);
        return EntryText.decode(number, EntryText.instant(times[slot]), dialects[slot], tenants[slot], operations[slot],
                statuses[slot], durations[slot], text);
    }

    private void copyIn(byte[] text, long position) {
        int at = (int) (position % maxBytes);
        int head = Math.min(text.length, maxBytes - at);
        System.arraycopy(text, 0, ring, at, head);
        System.arraycopy(text, head, ring, 0, text.length - head);
    }

    private void release(long number) {
        int slot = slot(number);
        tenants[slot] = null;
    }

    private int slot(long number) {
        return (int) (number % maxEntries);
    }
}
