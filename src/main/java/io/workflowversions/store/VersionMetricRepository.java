package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class VersionMetricRepository implements PanacheRepository<VersionMetric> {
}
