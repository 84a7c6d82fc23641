package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a workflow: the dialect's document plus its number, label and state. Updates write the changed columns
 * only (dynamic update): a change of state does not write the document again.
 */
@Entity
@Table(name = "workflow_version")
@DynamicUpdate
public class WorkflowVersion extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workflow_id")
    public Long workflowId;

    /** The id the dialect shows (uuid, ULID or integer text); unique across the store. */
    @Column(name = "public_id")
    public String publicId;

    /** Allocated by the store; null for versions the dialect does not number (drafts). */
    public Long number;

    public String label;
    public String state;

    /** Equal to {@link #state} while the version holds a state that only one version of its workflow may hold. */
    @Column(name = "exclusive_state")
    public String exclusiveState;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode content;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode attributes;

    @Column(name = "deployed_at")
    public Instant deployedAt;
}
