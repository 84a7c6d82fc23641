package io.workflowversions.store;

import java.time.Instant;

/** A measurement to record for a version; {@code intervalEnd} is not before {@code intervalStart}. */
public record NewMetric(String key, String type, double value, Instant intervalStart, Instant intervalEnd) {
}
