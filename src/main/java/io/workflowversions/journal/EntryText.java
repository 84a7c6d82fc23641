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
import java.util.Map;

/**
 * An entry's text as the journal keeps it in its ring: method, path, query, headers and bodies, each string as a
 * length and its UTF-8 bytes (-1 for null). Hand-written: the journal needs bytes it can copy into its ring, and a
 * serialiser with a schema would cost more than the request it records.
 */
final class EntryText {

    private EntryText() {
    }

    static byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, entry.method());
            write(out, entry.path());
            write(out, entry.query());
            write(out, entry.requestHeaders());
            write(out, entry.requestBody());
            write(out, entry.responseHeaders());
            write(out, entry.responseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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

    private static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void write(DataOutputStream out, Map<String, String> headers) throws IOException {
        out.writeInt(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            write(out, header.getKey());
            write(out, header.getValue());
        }
    }

    private static void write(DataOutputStream out, JournalEntry.Body body) throws IOException {
        write(out, body.text());
        out.writeBoolean(body.truncated());
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.put(string(in), string(in));
        }
        return headers;
    }

    private static JournalEntry.Body body(DataInputStream in) throws IOException {
        String text = string(in);
        boolean truncated = in.readBoolean();
        return text == null && !truncated ? JournalEntry.Body.NONE : new JournalEntry.Body(text, truncated);
    }
}
