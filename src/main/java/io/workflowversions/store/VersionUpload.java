package io.workflowversions.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One upload of a version to a marketplace; every upload is kept. */
@Entity
@Table(name = "version_upload")
public class VersionUpload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id")
    public Long versionId;

    @Column(name = "private_listing")
    public boolean privateListing;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "uploaded_by")
    public String uploadedBy;
}
