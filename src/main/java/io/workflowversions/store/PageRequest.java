package io.workflowversions.store;

/** A window of a list: skip {@code offset} items, return at most {@code limit}. */
public record PageRequest(long offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest ofPage(int pageNumber, int pageSize) {
        return new PageRequest((long) (pageNumber - 1) * pageSize, pageSize);
    }
}
