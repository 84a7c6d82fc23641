package io.workflowversions.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A measurement of a version over an interval. */
@Entity
@Table(name = "version_metric")
public class VersionMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id")
    public Long versionId;

    @Column(name = "metric_key")
    public String metricKey;

    @Column(name = "metric_type")
    public String metricType;

    @Column(name = "value")
    public double measuredValue;

    @Column(name = "interval_start")
    public Instant intervalStart;

    @Column(name = "interval_end")
    public Instant intervalEnd;
}
