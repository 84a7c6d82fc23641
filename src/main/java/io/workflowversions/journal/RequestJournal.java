package io.workflowversions.journal;

import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The newest exchanges with the dialects, in this instance's memory, bounded in entries and in bytes: the oldest
 * go first.
 */
@ApplicationScoped
public class RequestJournal {

    private final boolean enabled;
    private final int maxEntries;
    private final long maxBytes;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private long bytes;
    private long lastId;

    @Inject
    RequestJournal(ServiceConfig config) {
        this(config.journal().enabled(), config.journal().maxEntries(), config.journal().maxBytes());
    }

    RequestJournal(boolean enabled, int maxEntries, long maxBytes) {
        this.enabled = enabled;
        this.maxEntries = Math.max(0, maxEntries);
        this.maxBytes = maxBytes;
    }

    public boolean enabled() {
        return enabled;
    }

    synchronized void add(JournalEntry entry) {
        JournalEntry numbered = entry.numbered(++lastId);
        entries.addLast(numbered);
        bytes += numbered.bytes();
        while (!entries.isEmpty() && (entries.size() > maxEntries || bytes > maxBytes)) {
            bytes -= entries.removeFirst().bytes();
        }
    }

    /** The newest matching entries, newest first. */
    public synchronized List<JournalEntry> newest(JournalQuery query, int limit) {
        List<JournalEntry> found = new ArrayList<>(Math.min(limit, entries.size()));
        for (Iterator<JournalEntry> newestFirst = entries.descendingIterator(); newestFirst.hasNext() && found.size() < limit; ) {
            JournalEntry entry = newestFirst.next();
            if (query.matches(entry)) {
                found.add(entry);
            }
        }
        return found;
    }

    public synchronized long count(JournalQuery query) {
        return entries.stream().filter(query::matches).count();
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
