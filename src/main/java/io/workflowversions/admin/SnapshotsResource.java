package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.SnapshotsApi;
import io.workflowversions.admin.api.model.Snapshot;
import io.workflowversions.admin.api.model.SnapshotCounts;
import io.workflowversions.admin.api.model.SnapshotList;
import io.workflowversions.admin.api.model.SnapshotRequest;
import io.workflowversions.admin.api.model.SnapshotRestore;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Roles;
import io.workflowversions.store.StoreSnapshots;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class SnapshotsResource implements SnapshotsApi {

    private static final Logger LOG = Logger.getLogger(SnapshotsResource.class);

    private final StoreSnapshots snapshots;

    SnapshotsResource(StoreSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Uni<RestResponse<Snapshot>> createSnapshot(SnapshotRequest request) {
        if ((request.getDialect() == null) != (request.getTenant() == null)) {
            throw new ApiException(Failure.invalid(request.getDialect() == null ? "dialect" : "tenant",
                    "a snapshot covers the whole store or one dialect's tenant: give dialect and tenant, or neither"));
        }
        Optional<String> dialect = Optional.ofNullable(request.getDialect()).map(Object::toString);
        long started = System.nanoTime();
        return snapshots.create(dialect, Optional.ofNullable(request.getTenant()), Boolean.TRUE.equals(request.getCredentials()))
                .invoke(made -> LOG.infof("Snapshot %s of %s: %s in %d ms", made.id(), scope(made), made.counts(),
                        (System.nanoTime() - started) / 1_000_000))
                .map(made -> RestResponse.status(RestResponse.Status.CREATED, view(made)));
    }

    @Override
    public Uni<RestResponse<SnapshotList>> listSnapshots() {
        return snapshots.list().map(all -> RestResponse.ok(new SnapshotList().items(all.stream().map(SnapshotsResource::view).toList())));
    }

    @Override
    public Uni<RestResponse<Void>> deleteSnapshot(UUID id) {
        return snapshots.delete(id).map(deleted -> {
            if (!deleted) {
                throw new ApiException(FailureKind.NOT_FOUND, "No snapshot " + id);
            }
            return RestResponse.noContent();
        });
    }

    @Override
    public Uni<RestResponse<SnapshotRestore>> restoreSnapshot(UUID id) {
        long started = System.nanoTime();
        return snapshots.restore(id)
                .invoke(restore -> LOG.infof("Snapshot %s restored in %d ms: removed %s, restored %s", id,
                        (System.nanoTime() - started) / 1_000_000, restore.removed(), restore.restored()))
                .map(restore -> RestResponse.ok(new SnapshotRestore().removed(counts(restore.removed()))
                        .restored(counts(restore.restored()))));
    }

    private static String scope(StoreSnapshots.Snapshot snapshot) {
        return snapshot.dialect() == null ? "the whole store" : snapshot.dialect() + " tenant " + snapshot.tenant();
    }

    private static Snapshot view(StoreSnapshots.Snapshot snapshot) {
        return new Snapshot().id(snapshot.id()).dialect(snapshot.dialect()).tenant(snapshot.tenant())
                .credentials(snapshot.credentials()).counts(counts(snapshot.counts()))
                .createdAt(snapshot.createdAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static SnapshotCounts counts(StoreSnapshots.Counts counts) {
        return new SnapshotCounts().workflows(counts.workflows()).versions(counts.versions()).schedules(counts.schedules())
                .uploads(counts.uploads()).metrics(counts.metrics()).credentials(counts.credentials());
    }
}
