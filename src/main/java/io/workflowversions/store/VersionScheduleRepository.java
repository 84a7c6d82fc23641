package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class VersionScheduleRepository implements PanacheRepository<VersionSchedule> {
}
