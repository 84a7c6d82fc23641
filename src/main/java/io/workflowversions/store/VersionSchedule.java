package io.workflowversions.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A cron schedule attached to a version; deleted with its version. */
@Entity
@Table(name = "version_schedule")
public class VersionSchedule extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id")
    public Long versionId;

    @Column(name = "cron_expression")
    public String cronExpression;

    @Column(name = "deployed_at")
    public Instant deployedAt;

}
