package io.workflowversions.admin;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.PatchworksApi;
import io.workflowversions.admin.api.model.PatchworksMetric;
import io.workflowversions.admin.api.model.PatchworksMetricBatch;
import io.workflowversions.admin.api.model.PatchworksMetricInput;
import io.workflowversions.admin.api.model.PatchworksMetricList;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.security.Roles;
import io.workflowversions.store.LockedVersion;
import io.workflowversions.store.NewMetric;
import io.workflowversions.store.StoreMaintenance;
import io.workflowversions.store.VersionAttachments;
import io.workflowversions.store.VersionMetric;
import io.workflowversions.store.WorkflowVersion;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Seeds metric records of Patchworks flow versions for test suites; the Patchworks API only reads them. Flows and
 * versions are addressed by the integer ids that API shows.
 */
@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class PatchworksSeedResource implements PatchworksApi {

    private static final Logger LOG = Logger.getLogger(PatchworksSeedResource.class);
    private static final String DIALECT = "patchworks";

    private final StoreMaintenance store;
    private final VersionAttachments attachments;

    PatchworksSeedResource(StoreMaintenance store, VersionAttachments attachments) {
        this.store = store;
        this.attachments = attachments;
    }

    @Override
    @WithTransaction
    public Uni<RestResponse<PatchworksMetricList>> createPatchworksVersionMetrics(Long flow, Long version,
            PatchworksMetricBatch batch, String tenant) {
        List<NewMetric> records = records(batch.getItems());
        return store.lockVersion(DIALECT, Optional.ofNullable(tenant), flow.toString(), version.toString())
                .map(LockedVersion::version)
                .flatMap(found -> attachments.addMetrics(found, records).map(created -> toApi(found, created)))
                .invoke(list -> LOG.infof("Seeded %d metric records of %s flow %d version %d", list.getItems().size(),
                        DIALECT, flow, version))
                .map(list -> RestResponse.status(RestResponse.Status.CREATED, list));
    }

    private static List<NewMetric> records(List<PatchworksMetricInput> items) {
        List<NewMetric> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PatchworksMetricInput item = items.get(i);
            if (item.getIntervalEnd().isBefore(item.getIntervalStart())) {
                throw new ApiException(Failure.invalid("items[" + i + "].interval_end", "must not be before interval_start"));
            }
            records.add(new NewMetric(item.getKey(), item.getType(), item.getValue(),
                    item.getIntervalStart().toInstant().truncatedTo(ChronoUnit.MICROS),
                    item.getIntervalEnd().toInstant().truncatedTo(ChronoUnit.MICROS)));
        }
        return records;
    }

    private static PatchworksMetricList toApi(WorkflowVersion version, List<VersionMetric> created) {
        long flowVersionId = Long.parseLong(version.publicId);
        return new PatchworksMetricList().items(created.stream().map(metric -> new PatchworksMetric()
                .id(metric.id)
                .flowVersionId(flowVersionId)
                .key(metric.metricKey)
                .type(metric.metricType)
                .value(metric.measuredValue)
                .intervalStart(metric.intervalStart.atOffset(ZoneOffset.UTC))
                .intervalEnd(metric.intervalEnd.atOffset(ZoneOffset.UTC))).toList());
    }
}
