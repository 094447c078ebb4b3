package org.slbdoctor.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored artifact: its metadata and its text. Lists read {@link ArtifactMetadata} through a
 * projection query so the (up to 20 MiB) content is loaded only to analyze or download it.
 */
@Entity
@Table(name = "artifact")
public class Artifact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Convert(converter = ArtifactKindConverter.class)
    @Column(nullable = false, length = 32)
    private ArtifactKind kind;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    @Column(name = "uploaded_by", length = 100)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Artifact() {
    }

    public Artifact(long instanceId, ArtifactKind kind, String name, long sizeBytes, String sha256, String content,
            String uploadedBy, Instant uploadedAt) {
        this.instanceId = instanceId;
        this.kind = kind;
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public long getInstanceId() { return instanceId; }
    public ArtifactKind getKind() { return kind; }
    public String getName() { return name; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getContent() { return content; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
