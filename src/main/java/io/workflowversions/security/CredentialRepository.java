package io.workflowversions.security;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class CredentialRepository implements PanacheRepositoryBase<Credential, UUID> {
}
