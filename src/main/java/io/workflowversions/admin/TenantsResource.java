package io.workflowversions.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.TenantsApi;
import io.workflowversions.admin.api.model.CredentialType;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.admin.api.model.IssuedCredential;
import io.workflowversions.admin.api.model.NewTenant;
import io.workflowversions.admin.api.model.TenantRemoval;
import io.workflowversions.admin.api.model.TenantRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.NewCredential;
import io.workflowversions.security.Role;
import io.workflowversions.security.Roles;
import io.workflowversions.store.IntegerIds;
import io.workflowversions.store.StoreMaintenance;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Fresh tenants for test suites, each with the credentials its dialect's clients log in or sign with. */
@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class TenantsResource implements TenantsApi {

    private static final Logger LOG = Logger.getLogger(TenantsResource.class);
    private static final char[] ACCESS_KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final CredentialService credentials;
    private final StoreMaintenance store;
    private final IntegerIds ids;
    private final SecureRandom random = new SecureRandom();

    TenantsResource(CredentialService credentials, StoreMaintenance store, IntegerIds ids) {
        this.credentials = credentials;
        this.store = store;
        this.ids = ids;
    }

    @Override
    public Uni<RestResponse<NewTenant>> createTenant(TenantRequest request) {
        String dialect = request.getDialect().toString();
        Role role = request.getRole() == null ? Role.WRITER : Role.fromWire(request.getRole().toString());
        return Panache.withTransaction(() -> newTenantId(dialect)
                .flatMap(tenant -> Multi.createFrom().iterable(credentialsOf(dialect, tenant, role))
                        .onItem().transformToUniAndConcatenate(spec -> credentials.create(spec).map(created -> issued(created, spec)))
                        .collect().asList()
                        .map(issued -> new NewTenant().dialect(request.getDialect()).tenant(tenant).credentials(issued))))
                .invoke(created -> LOG.infof("Created %s tenant %s with %d credentials", dialect, created.getTenant(),
                        created.getCredentials().size()))
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, created));
    }

    @Override
    public Uni<RestResponse<TenantRemoval>> deleteTenant(Dialect dialect, String tenant) {
        String name = dialect.toString();
        return Panache.withTransaction(() -> store.reset(Optional.of(name), Optional.of(tenant))
                .flatMap(data -> credentials.deleteTenant(name, tenant)
                        .map(removed -> new TenantRemoval().workflows(data.workflows()).versions(data.versions())
                                .credentials(removed))))
                .invoke(removal -> {
                    if (removal.getWorkflows() == 0 && removal.getCredentials() == 0) {
                        throw new ApiException(FailureKind.NOT_FOUND, "No " + name + " tenant " + tenant);
                    }
                    LOG.infof("Deleted %s tenant %s: %d workflows, %d versions, %d credentials", name, tenant,
                            removal.getWorkflows(), removal.getVersions(), removal.getCredentials());
                })
                .map(RestResponse::ok);
    }

    private Uni<String> newTenantId(String dialect) {
        return switch (dialect) {
            // Patchworks companies are numbers: the store's serial gives each create its own, and one that a company
            // made by hand (the demo company 1, say) already has is passed over.
            case "patchworks" -> unusedCompany();
            case "secmaster" -> Uni.createFrom().item(UUID.randomUUID().toString().replace("-", ""));
            case "frankieone" -> Uni.createFrom().item("customer-" + UUID.randomUUID());
            default -> Uni.createFrom().item(UUID.randomUUID().toString());
        };
    }

    private Uni<String> unusedCompany() {
        return ids.nextSerial().map(String::valueOf)
                .flatMap(company -> credentials.list(Optional.of("patchworks"), Optional.of(company))
                        .flatMap(found -> found.isEmpty() ? store.hasWorkflows("patchworks", company) : Uni.createFrom().item(true))
                        .flatMap(used -> used ? unusedCompany() : Uni.createFrom().item(company)));
    }

    private List<NewCredential> credentialsOf(String dialect, String tenant, Role role) {
        String user = "user-" + HexFormat.of().formatHex(bytes(6));
        String name = "Tenant " + tenant;
        return switch (dialect) {
            case "fortanix" -> List.of(password(dialect, user + "@fortanix.test", tenant, role, name));
            case "secmaster" -> List.of(password(dialect, user, tenant, role, name),
                    new NewCredential(dialect, io.workflowversions.security.CredentialType.ACCESS_KEY, null, secret(),
                            accessKey(), tenant, null, role, name));
            case "frankieone" -> List.of(apiKey(dialect, tenant, role, name));
            default -> List.of(apiKey(dialect, tenant, role, name), password(dialect, user + "@patchworks.test", tenant, role, name));
        };
    }

    private NewCredential password(String dialect, String username, String tenant, Role role, String name) {
        return new NewCredential(dialect, io.workflowversions.security.CredentialType.PASSWORD, username, secret(), null,
                tenant, null, role, name);
    }

    private NewCredential apiKey(String dialect, String tenant, Role role, String name) {
        return new NewCredential(dialect, io.workflowversions.security.CredentialType.API_KEY, null, secret(), null,
                tenant, null, role, name);
    }

    private static IssuedCredential issued(io.workflowversions.security.Credential created, NewCredential spec) {
        return new IssuedCredential().id(created.id).type(CredentialType.fromValue(created.type))
                .role(io.workflowversions.admin.api.model.Role.fromValue(created.role))
                .username(created.username).accessKey(created.accessKey).secret(spec.secret());
    }

    private String secret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    private String accessKey() {
        StringBuilder key = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            key.append(ACCESS_KEY_CHARACTERS[random.nextInt(ACCESS_KEY_CHARACTERS.length)]);
        }
        return key.toString();
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
