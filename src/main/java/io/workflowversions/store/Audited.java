package io.workflowversions.store;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** Who created and last changed a stored row, and when: the audit columns every store table has. */
@MappedSuperclass
public abstract class Audited {

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** Marks the row as created, and so last changed, now by {@code actor}. */
    public void recordCreation(String actor) {
        createdAt = VersionStore.now();
        createdBy = actor;
        updatedAt = createdAt;
        updatedBy = actor;
    }

    /** Marks the row as changed now by {@code actor}. */
    public void recordChange(String actor) {
        updatedAt = VersionStore.now();
        updatedBy = actor;
    }
}
