package io.workflowversions.store;

import java.util.List;
import java.util.function.Function;

/** One window of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
