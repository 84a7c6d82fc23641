package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches of workflows by text and by JSON containment, as one native statement built from the search: substring
 * matches ({@code strpos}) and {@code jsonb @>} have no HQL form.
 */
@ApplicationScoped
public class WorkflowSearches {

    /**
     * One window of the workflows of this kind in the scope that match the search, in the search's order; the page's
     * total is the number of matches.
     */
    @WithSession
    public Uni<Page<Workflow>> searchWorkflows(TenantScope scope, String kind, WorkflowSearch search, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(scope.dialect(), scope.tenant(), scope.subTenant(), kind));
        StringBuilder where = new StringBuilder(
                " from workflow w where w.dialect = ?1 and w.tenant = ?2 and w.sub_tenant = ?3 and w.kind = ?4");
        if (search.nameContains() != null) {
            params.add(search.nameContains());
            where.append(" and strpos(lower(w.name), lower(?").append(params.size()).append(")) > 0");
        }
        if (search.descriptionContains() != null) {
            params.add(search.descriptionContains());
            where.append(" and strpos(lower(coalesce(w.description, '')), lower(?").append(params.size()).append(")) > 0");
        }
        if (search.textContains() != null) {
            params.add(search.textContains());
            int n = params.size();
            where.append(" and (strpos(lower(w.name), lower(?").append(n).append(")) > 0")
                    .append(" or strpos(lower(coalesce(w.description, '')), lower(?").append(n).append(")) > 0)");
        }
        for (JsonNode document : search.attributesContain()) {
            params.add(document.toString());
            where.append(" and w.attributes @> cast(cast(?").append(params.size()).append(" as text) as jsonb)");
        }
        for (JsonNode document : search.anyVersionContains()) {
            params.add(document.toString());
            where.append(" and exists (select 1 from workflow_version v where v.workflow_id = w.id")
                    .append(" and v.content @> cast(cast(?").append(params.size()).append(" as text) as jsonb))");
        }
        StringBuilder order = new StringBuilder(" order by ");
        for (WorkflowSearch.SortKey key : search.sort()) {
            order.append("w.").append(key.field().column).append(key.descending() ? " desc, " : " asc, ");
        }
        order.append("w.external_key asc, w.id asc");
        String window = " limit " + page.limit() + " offset " + page.offset();
        return Panache.getSession().flatMap(session -> {
            var select = session.createNativeQuery("select w.*" + where + order + window, Workflow.class);
            var count = session.createNativeQuery("select count(*)" + where);
            for (int i = 0; i < params.size(); i++) {
                select.setParameter(i + 1, params.get(i));
                count.setParameter(i + 1, params.get(i));
            }
            return select.getResultList().flatMap(items -> count.getSingleResult()
                    .map(total -> new Page<>(List.copyOf(items), ((Number) total).longValue(), page)));
        });
    }
}
