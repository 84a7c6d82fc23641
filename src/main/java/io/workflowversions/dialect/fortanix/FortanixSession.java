package io.workflowversions.dialect.fortanix;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A server-side login session: what the bearer token names. */
@Entity
@Table(name = "fortanix_session")
public class FortanixSession {

    @Id
    public UUID id;

    @Column(name = "credential_id")
    public UUID credentialId;

    /** The account every workflow call acts on; null when none is selected. */
    @Column(name = "selected_account")
    public String selectedAccount;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Idle expiry, moved forward by a refresh. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When the token itself expires; a refresh never extends the session beyond it. */
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt) && now.isBefore(tokenExpiresAt);
    }
}
