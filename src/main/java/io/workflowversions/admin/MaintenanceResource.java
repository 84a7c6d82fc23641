package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.MaintenanceApi;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.admin.api.model.ResetRequest;
import io.workflowversions.admin.api.model.ResetResult;
import io.workflowversions.security.Roles;
import io.workflowversions.store.StoreMaintenance;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class MaintenanceResource implements MaintenanceApi {

    private static final Logger LOG = Logger.getLogger(MaintenanceResource.class);

    private final StoreMaintenance store;

    MaintenanceResource(StoreMaintenance store) {
        this.store = store;
    }

    @Override
    public Uni<RestResponse<ResetResult>> reset(ResetRequest request) {
        Optional<String> dialect = Optional.ofNullable(request).map(ResetRequest::getDialect).map(Dialect::toString);
        Optional<String> tenant = Optional.ofNullable(request).map(ResetRequest::getTenant);
        return store.reset(dialect, tenant)
                .invoke(counts -> LOG.infof("Reset (dialect %s, tenant %s) deleted %d workflows and %d versions",
                        dialect.orElse("any"), tenant.orElse("any"), counts.workflows(), counts.versions()))
                .map(counts -> RestResponse.ok(new ResetResult().workflows(counts.workflows()).versions(counts.versions())));
    }
}
