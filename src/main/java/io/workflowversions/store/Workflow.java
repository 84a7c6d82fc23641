package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workflow of one dialect and tenant; the thing versions belong to. */
@Entity
@Table(name = "workflow")
@DynamicUpdate
public class Workflow extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String dialect;
    public String tenant;
    @Column(name = "sub_tenant")
    public String subTenant;
    public String kind;
    @Column(name = "external_key")
    public String externalKey;
    public String name;
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode attributes;

    /**
     * Raised only by {@link VersionStore}, under the workflow's row lock. Updates write only the columns that changed
     * (dynamic update), so an entity read without the lock never writes back a stale counter.
     */
    @Column(name = "version_counter", insertable = false)
    public long versionCounter;

    public long revision;


    public TenantScope scope() {
        return new TenantScope(dialect, tenant, subTenant);
    }
}
