package io.workflowversions.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An entry's text as the journal keeps it in its ring: method, path, query, headers and bodies, each string as a
 * length and its UTF-8 bytes (-1 for null). Hand-written: the journal needs bytes it can copy into its ring, and a
 * serialiser with a schema would cost more than the request it records.
 */
final class EntryText {

    /** Ends a list of headers, where a name's length would be. */
    private static final int END = -2;

    private EntryText() {
    }

    /** The text of an entry given whole (tests, and anything recorded without a request at hand). */
    static byte[] encode(JournalEntry entry) {
        return new Writer().string(entry.method()).string(entry.path()).string(entry.query())
                .headers(entry.requestHeaders().entrySet()).body(entry.requestBody())
                .headers(entry.responseHeaders().entrySet()).body(entry.responseBody())
                .bytes();
    }

    /** Writes the fields in their order: method, path, query, request headers and body, answer headers and body. */
    static final class Writer {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer string(String text) {
            try {
                if (text == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Header names in lower case, secrets redacted; repeats stay separate until read. */
        Writer headers(Iterable<? extends Map.Entry<String, String>> headers) {
            for (Map.Entry<String, String> header : headers) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                string(name).string(Redaction.header(name, header.getValue()));
            }
            try {
                out.writeInt(END);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Writer body(JournalEntry.Body body) {
            byte[] text = body.text() == null ? null : body.text().getBytes(StandardCharsets.UTF_8);
            return body(text, text == null ? 0 : text.length, body.truncated());
        }

        /** The first {@code length} bytes of a body (null for none), and whether it was longer. */
        Writer body(byte[] body, int length, boolean truncated) {
            try {
                if (body == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(length);
                    out.write(body, 0, length);
                }
                out.writeBoolean(truncated);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    static JournalEntry decode(long id, Instant time, String dialect, String tenant, String operation, int status,
            double durationMs, byte[] text) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(text))) {
            String method = string(in);
            String path = string(in);
            String query = string(in);
            Map<String, String> requestHeaders = headers(in);
            JournalEntry.Body requestBody = body(in);
            Map<String, String> responseHeaders = headers(in);
            JournalEntry.Body responseBody = body(in);
            return new JournalEntry(id, time, dialect, tenant, operation, method, path, query, status, durationMs,
                    requestHeaders, requestBody, responseHeaders, responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long epochNanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(DataInputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int length = in.readInt(); length != END; length = in.readInt()) {
            String name = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            headers.merge(name, string(in), (first, next) -> first + ", " + next);
        }
        return headers;
    }

    private static JournalEntry.Body body(DataInputStream in) throws IOException {
        String text = string(in);
        boolean truncated = in.readBoolean();
        return text == null && !truncated ? JournalEntry.Body.NONE : new JournalEntry.Body(text, truncated);
    }
}
