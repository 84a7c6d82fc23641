package io.workflowversions.journal;

import java.time.Instant;

/** Which entries a reader wants; every field given must match, null fields match anything. */
public record JournalQuery(String dialect, String operation, String tenant, Integer status, Instant since) {

    boolean matches(JournalEntry entry) {
        return (dialect == null || dialect.equals(entry.dialect()))
                && (operation == null || operation.equals(entry.operation()))
                && (tenant == null || tenant.equals(entry.tenant()))
                && (status == null || status == entry.status())
                && (since == null || !entry.time().isBefore(since));
    }
}
