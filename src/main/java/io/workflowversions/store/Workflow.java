package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workflow of one dialect and tenant; the thing versions belong to. */
@Entity
@Table(name = "workflow")
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

    /** Read-only here: the counter is raised only by {@link VersionStore}'s allocation statement. */
    @Column(name = "version_counter", insertable = false, updatable = false)
    public long versionCounter;

    public long revision;


    public TenantScope scope() {
        return new TenantScope(dialect, tenant, subTenant);
    }
}
