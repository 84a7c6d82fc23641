package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Lists a scope's workflows with filters on name, description and attributes, sorted by creation or update time:
 * the filtered listing that dialects with search parameters need. The query always carries the scope.
 */
@ApplicationScoped
public class WorkflowSearch {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    @WithSession
    public Uni<Page<Workflow>> list(TenantScope scope, String kind, WorkflowQuery query, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, kind, query, params);
        String order = " order by " + query.order().column + (query.ascending() ? " asc" : " desc")
                + ", id" + (query.ascending() ? " asc" : " desc");
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Workflow> items = session
                    .createNativeQuery("select * from workflow where " + where + order + " limit :limit offset :offset",
                            Workflow.class);
            Mutiny.SelectionQuery<Long> count = session
                    .createNativeQuery("select count(*) from workflow where " + where, Long.class);
            params.forEach((name, value) -> {
                items.setParameter(name, value);
                count.setParameter(name, value);
            });
            items.setParameter("limit", page.limit());
            items.setParameter("offset", page.offset());
            return items.getResultList()
                    .flatMap(list -> count.getSingleResult().map(total -> new Page<>(list, total, page)));
        });
    }

    private static String where(TenantScope scope, String kind, WorkflowQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("dialect = :dialect", "tenant = :tenant",
                "sub_tenant = :subTenant", "kind = :kind"));
        params.put("dialect", scope.dialect());
        params.put("tenant", scope.tenant());
        params.put("subTenant", scope.subTenant());
        params.put("kind", kind);
        if (query.nameContains() != null && !query.nameContains().isEmpty()) {
            conditions.add("position(lower(:name) in lower(name)) > 0");
            params.put("name", query.nameContains());
        }
        if (query.descriptionContains() != null && !query.descriptionContains().isEmpty()) {
            conditions.add("position(lower(:description) in lower(coalesce(description, ''))) > 0");
            params.put("description", query.descriptionContains());
        }
        int i = 0;
        for (Map.Entry<String, String> filter : query.attributeEquals().entrySet()) {
            if (!ATTRIBUTE_NAME.matcher(filter.getKey()).matches()) {
                throw new IllegalArgumentException("attribute names are letters, digits and underscores");
            }
            conditions.add("attributes ->> '" + filter.getKey() + "' = :attr" + i);
            params.put("attr" + i, filter.getValue());
            i++;
        }
        return String.join(" and ", conditions);
    }
}
