package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where versions stand in their workflow's creation order. Projections (HQL selection queries): no entity is needed.
 */
@ApplicationScoped
public class VersionRanks {

    /** Each version's rank among its workflow's versions in creation order (1 for the first), in one query. */
    @WithSession
    public Uni<Map<Long, Integer>> ranks(Collection<WorkflowVersion> of) {
        if (of.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select a.id, (select count(*) from WorkflowVersion b where b.workflowId = a.workflowId"
                        + " and b.id <= a.id) from WorkflowVersion a where a.id in :ids", Object[].class)
                .setParameter("ids", of.stream().map(v -> v.id).toList())
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(
                        row -> (Long) row[0], row -> ((Number) row[1]).intValue())));
    }

    /** The ids of a workflow's versions in creation order: a version's rank is its position here. */
    @WithSession
    public Uni<List<VersionKey>> versionKeys(Workflow workflow) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select new io.workflowversions.store.VersionKey(v.id, v.publicId)"
                        + " from WorkflowVersion v where v.workflowId = :workflowId order by v.id", VersionKey.class)
                .setParameter("workflowId", workflow.id)
                .getResultList());
    }
}
