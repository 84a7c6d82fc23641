package io.workflowversions.dialect.patchworks;

import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Map;

/** {@code sort=a,-b} to a store sort; the names were checked by {@link QueryRules} before the resource ran. */
final class Sorting {

    private Sorting() {
    }

    static Sort of(String sort, Map<String, String> properties, Sort otherwise) {
        List<String> items = QueryRules.items(sort);
        if (items.isEmpty()) {
            return otherwise;
        }
        Sort result = null;
        for (String item : items) {
            boolean descending = item.startsWith("-");
            String property = properties.get(descending ? item.substring(1) : item);
            if (property == null) {
                throw Problems.badQuery("Requested sort(s) `" + item + "` is not allowed.");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(property, direction) : result.and(property, direction);
        }
        return result;
    }
}
