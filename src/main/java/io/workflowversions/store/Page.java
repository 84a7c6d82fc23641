package io.workflowversions.store;

import java.util.List;

/** One window of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total, PageRequest request) {
}
