package io.workflowversions.journal;

import io.workflowversions.http.AnswerTap;
import java.time.Instant;
import java.util.Arrays;

/** A request being recorded: when it arrived, and the first bytes of its answer's body as they are written. */
final class Exchange implements AnswerTap {

    final Instant time;
    final long startedNanos;
    final String dialect;
    private final int maxBodyBytes;
    private byte[] answer;
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
        answer = head.length <= maxBodyBytes ? head : Arrays.copyOf(head, maxBodyBytes);
        answered = length;
    }

    synchronized void requested(byte[] body) {
        request = body;
    }

    /** The request's body as a resource read it (or null). */
    synchronized byte[] request() {
        return request;
    }

    /** The first bytes of the answer's body as kept (or null), and its whole length. */
    synchronized byte[] answer() {
        return answered == 0 ? null : answer;
    }

    synchronized long answerLength() {
        return answered;
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
}
