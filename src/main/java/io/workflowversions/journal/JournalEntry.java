package io.workflowversions.journal;

import java.time.Instant;
import java.util.Map;

/** One request to a dialect with its answer, as recorded: header names in lower case, secrets redacted. */
public record JournalEntry(long id, Instant time, String dialect, String tenant, String operation, String method,
        String path, String query, int status, double durationMs, Map<String, String> requestHeaders,
        Body requestBody, Map<String, String> responseHeaders, Body responseBody) {

    /** A body as kept: its text, cut at the configured size; null text for no body. */
    public record Body(String text, boolean truncated) {

        static final Body NONE = new Body(null, false);
    }
}
