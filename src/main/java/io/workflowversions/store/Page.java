package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/** One window of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    /**
     * The {@code request} window of the query's results, and the total from {@code count}: its own statement, so
     * that Panache need not derive a count query from the HQL.
     */
    static <T> Uni<Page<T>> window(PanacheQuery<T> query, PageRequest request, Supplier<Uni<Long>> count) {
        int first = (int) Math.min(request.offset(), Integer.MAX_VALUE - PageRequest.MAX_LIMIT);
        return query.range(first, first + request.limit() - 1).list()
                .flatMap(items -> count.get().map(total -> new Page<>(items, total, request)));
    }
}
