package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.CredentialsApi;
import io.workflowversions.admin.api.model.Credential;
import io.workflowversions.admin.api.model.CredentialList;
import io.workflowversions.admin.api.model.CredentialRequest;
import io.workflowversions.admin.api.model.CredentialType;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.admin.api.model.Role;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.NewCredential;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class CredentialsResource implements CredentialsApi {

    private static final Logger LOG = Logger.getLogger(CredentialsResource.class);

    private final CredentialService credentials;

    CredentialsResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    @Override
    public Uni<RestResponse<Credential>> createCredential(CredentialRequest request) {
        NewCredential spec = new NewCredential(request.getDialect().toString(),
                io.workflowversions.security.CredentialType.fromWire(request.getType().toString()),
                request.getUsername(), request.getSecret(), request.getAccessKey(), request.getTenant(),
                request.getSubTenant(), io.workflowversions.security.Role.fromWire(request.getRole().toString()),
                request.getDisplayName());
        return credentials.create(spec)
                .invoke(created -> LOG.infof("Created %s credential %s for %s tenant %s", created.type, created.id,
                        created.dialect, created.tenant))
                .map(created -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, toApi(created))
                        .location(URI.create("/admin/v1/credentials/" + created.id))
                        .build());
    }

    @Override
    public Uni<RestResponse<CredentialList>> listCredentials(Dialect dialect, String tenant) {
        return credentials.list(Optional.ofNullable(dialect).map(Dialect::toString), Optional.ofNullable(tenant))
                .map(list -> RestResponse.ok(new CredentialList().items(list.stream().map(CredentialsResource::toApi).toList())));
    }

    @Override
    public Uni<RestResponse<Void>> deleteCredential(UUID id) {
        return credentials.delete(id)
                .invoke(() -> LOG.infof("Deleted credential %s", id))
                .replaceWith(RestResponse.noContent());
    }

    static Credential toApi(io.workflowversions.security.Credential credential) {
        return new Credential()
                .id(credential.id)
                .dialect(Dialect.fromValue(credential.dialect))
                .type(CredentialType.fromValue(credential.type))
                .username(credential.username)
                .accessKey(credential.accessKey)
                .tenant(credential.tenant)
                .subTenant(credential.subTenant)
                .role(Role.fromValue(credential.role))
                .displayName(credential.displayName)
                .createdAt(credential.createdAt.atOffset(ZoneOffset.UTC));
    }
}
