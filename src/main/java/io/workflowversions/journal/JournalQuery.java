package io.workflowversions.journal;

import java.time.Instant;

/** Which entries a reader wants; every field given must match, null fields match anything. */
public record JournalQuery(String dialect, String operation, String tenant, Integer status, Instant since) {
}
