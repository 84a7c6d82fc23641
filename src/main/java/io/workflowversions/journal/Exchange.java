package io.workflowversions.journal;

import io.workflowversions.http.AnswerTap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** A request being recorded: when it arrived, and the first bytes of its answer's body as they are written. */
final class Exchange implements AnswerTap {

    final Instant time;
    final long startedNanos;
    final String dialect;
    private final int maxBodyBytes;
    private byte[] answer = new byte[0];
    private long answered;
    private boolean recorded;
    private byte[] request;

    Exchange(Instant time, long startedNanos, String dialect, int maxBodyBytes) {
        this.time = time;
        this.startedNanos = startedNanos;
        this.dialect = dialect;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public synchronized void answered(byte[] head, long length) {
        answer = Arrays.copyOf(head, (int) Math.min(head.length, maxBodyBytes));
        answered = length;
    }

    synchronized void requested(byte[] body) {
        request = body;
    }

    /** The request's body as a resource read it, else as read ahead of the REST layer (or null). */
    synchronized JournalEntry.Body requestBody(byte[] readAhead) {
        return body(request != null ? request : readAhead, maxBodyBytes);
    }

    /** True the first time only: an exchange is recorded once. */
    synchronized boolean recordOnce() {
        boolean first = !recorded;
        recorded = true;
        return first;
    }

    @Override
    public int keeps() {
        return maxBodyBytes;
    }

    synchronized JournalEntry.Body answerBody() {
        return answered == 0 ? JournalEntry.Body.NONE
                : new JournalEntry.Body(new String(answer, StandardCharsets.UTF_8), answered > answer.length);
    }

    private static JournalEntry.Body body(byte[] bytes, int maxBodyBytes) {
        if (bytes == null || bytes.length == 0) {
            return JournalEntry.Body.NONE;
        }
        int keep = Math.min(bytes.length, maxBodyBytes);
        return new JournalEntry.Body(new String(bytes, 0, keep, StandardCharsets.UTF_8), keep < bytes.length);
    }
}
