package io.workflowversions.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored credential. Secrets are kept only as a one-way hash, or sealed with a key held outside the database. */
@Entity
@Table(name = "credential")
public class Credential {

    @Id
    public UUID id;

    public String dialect;
    public String type;
    public String username;
    @Column(name = "access_key")
    public String accessKey;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "secret_sealed")
    public String secretSealed;
    public String tenant;
    @Column(name = "sub_tenant")
    public String subTenant;
    public String role;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "created_at")
    public Instant createdAt;

    public Principal principal() {
        return new Principal(id, dialect, CredentialType.fromWire(type), username, tenant, subTenant, Role.fromWire(role),
                displayName);
    }
}
