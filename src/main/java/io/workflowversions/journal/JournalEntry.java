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

        long size() {
            return text == null ? 0 : text.length();
        }
    }

    JournalEntry numbered(long number) {
        return new JournalEntry(number, time, dialect, tenant, operation, method, path, query, status, durationMs,
                requestHeaders, requestBody, responseHeaders, responseBody);
    }

    /** About how much memory the entry's text takes, for the journal's bound in bytes. */
    long bytes() {
        return 256 + length(path) + length(query) + requestBody.size() + responseBody.size()
                + size(requestHeaders) + size(responseHeaders);
    }

    private static long size(Map<String, String> headers) {
        return headers.entrySet().stream().mapToLong(h -> 32 + h.getKey().length() + h.getValue().length()).sum();
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
