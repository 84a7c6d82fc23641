package io.workflowversions.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The journal's bounds and matching, on the journal itself. */
class RequestJournalTest {

    private static final JournalQuery EVERYTHING = new JournalQuery(null, null, null, null, null);

    @Test
    void keepsTheNewestEntriesUpToItsCount() {
        RequestJournal journal = new RequestJournal(true, 3, Long.MAX_VALUE);
        IntStream.rangeClosed(1, 5).forEach(i -> add(journal, entry("/v2/workflowDefinitions/" + i, "t", 200, "")));

        assertThat(journal.newest(EVERYTHING, 100)).extracting(JournalEntry::path)
                .containsExactly("/v2/workflowDefinitions/5", "/v2/workflowDefinitions/4", "/v2/workflowDefinitions/3");
        assertThat(journal.newest(EVERYTHING, 100)).extracting(JournalEntry::id).containsExactly(5L, 4L, 3L);
        assertThat(journal.count(EVERYTHING)).isEqualTo(3);
    }

    @Test
    void keepsTheNewestEntriesWithinItsBytes() {
        int size = EntryText.encode(entry("/p0", "t", 200, "x".repeat(10_000))).length;
        RequestJournal journal = new RequestJournal(true, 1000, 3L * size);
        IntStream.range(0, 10).forEach(i -> add(journal, entry("/p" + i, "t", 200, "x".repeat(10_000))));

        assertThat(journal.count(EVERYTHING)).isEqualTo(3);
        assertThat(journal.newest(EVERYTHING, 10)).extracting(JournalEntry::path).containsExactly("/p9", "/p8", "/p7");
    }

    /** Entries of every size wrap around the ring many times and still read back as they were written. */
    @Test
    void entriesReadBackWholeAcrossTheRingsEnd() {
        RequestJournal journal = new RequestJournal(true, 50, 20_000);
        for (int i = 0; i < 500; i++) {
            JournalEntry written = new JournalEntry(0, Instant.ofEpochSecond(1_700_000_000L + i, i), "secmaster",
                    "tenant-" + i, i % 2 == 0 ? "showAopWorkflowVersion" : null, "POST", "/v1/p/" + i, i % 3 == 0 ? null : "a=" + i,
                    200 + i % 300, i / 7.0, Map.of("x-n", "é" + i), new JournalEntry.Body("b".repeat(i * 13 % 900) + "ü", i % 5 == 0),
                    Map.of(), i % 4 == 0 ? JournalEntry.Body.NONE : new JournalEntry.Body("{\"i\":" + i + "}", false));
            add(journal, written);

            JournalEntry read = journal.newest(EVERYTHING, 1).get(0);
            assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(written);
            assertThat(read.id()).isEqualTo(i + 1);
        }
        assertThat(journal.count(EVERYTHING)).isBetween(1L, 50L);
    }

    @Test
    void anEntryLargerThanTheBoundIsNotKept() {
        RequestJournal journal = new RequestJournal(true, 1000, 1000);
        add(journal, entry("/p", "t", 200, "x".repeat(5_000)));

        assertThat(journal.count(EVERYTHING)).isZero();
    }

    @Test
    void everyGivenFieldMustMatch() {
        RequestJournal journal = new RequestJournal(true, 100, Long.MAX_VALUE);
        add(journal, entry("/a", "acme", 200, ""));
        add(journal, entry("/b", "acme", 503, ""));
        add(journal, entry("/c", "other", 200, ""));

        assertThat(journal.count(new JournalQuery("frankieone", null, "acme", null, null))).isEqualTo(2);
        assertThat(journal.count(new JournalQuery(null, null, "acme", 503, null))).isEqualTo(1);
        assertThat(journal.count(new JournalQuery("patchworks", null, null, null, null))).isZero();
        assertThat(journal.count(new JournalQuery(null, "listWorkflowDefinitions", null, null, null))).isEqualTo(3);
        assertThat(journal.count(new JournalQuery(null, null, null, null, Instant.now().plusSeconds(5)))).isZero();
        assertThat(journal.newest(new JournalQuery(null, null, "acme", null, null), 1)).extracting(JournalEntry::path)
                .containsExactly("/b");

        journal.clear();
        assertThat(journal.count(EVERYTHING)).isZero();
    }

    private static void add(RequestJournal journal, JournalEntry entry) {
        journal.add(entry.time(), entry.dialect(), entry.tenant(), entry.operation(), entry.status(), entry.durationMs(),
                EntryText.encode(entry));
    }

    private static JournalEntry entry(String path, String tenant, int status, String body) {
        return new JournalEntry(0, Instant.now(), "frankieone", tenant, "listWorkflowDefinitions", "GET", path, null,
                status, 1.5, Map.of("accept", "application/json"), new JournalEntry.Body(body, false), Map.of(),
                JournalEntry.Body.NONE);
    }
}
