package io.workflowversions.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which metrics of a workflow's versions to list: empty sets match everything, and the bounds are one-sided
 * ({@code interval_start >= startsFrom}, {@code interval_end <= endsBy}) when present.
 */
public record MetricQuery(Set<String> types, Set<String> keys, Instant startsFrom, Instant endsBy) {

    public MetricQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        keys = keys == null ? Set.of() : Set.copyOf(keys);
    }
}
