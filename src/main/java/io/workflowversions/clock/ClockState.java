package io.workflowversions.clock;

import java.time.Duration;
import java.time.Instant;

/** A clock: stopped at {@code fixed}, or real time shifted by {@code offset}. */
public record ClockState(Instant fixed, Duration offset) {

    static final ClockState REAL = new ClockState(null, Duration.ZERO);

    public Instant at(Instant real) {
        return fixed != null ? fixed : real.plus(offset);
    }

    public String mode() {
        return fixed != null ? "fixed" : offset.isZero() ? "real" : "offset";
    }
}
