package org.slbdoctor.diagnosis;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;

/**
 * One stored run of the checklist on one instance. Written once and never changed: no setters,
 * only the constructor and {@link #addFinding}, which the service calls before the first flush.
 * The snapshot/observations/artifacts JSON columns are big; listings go through
 * {@link DiagnosisSummary} projections so they never read them.
 */
@Entity
@Table(name = "diagnosis")
public class Diagnosis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instance_id", nullable = false)
    private SlbInstance instance;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status verdict;

    @Column(name = "fail_count", nullable = false)
    private int failCount;

    @Column(name = "warn_count", nullable = false)
    private int warnCount;

    @Column(name = "unknown_count", nullable = false)
    private int unknownCount;

    @Column(nullable = false)
    private boolean complete;

    @Column(name = "api_calls", nullable = false)
    private int apiCalls;

    @Column(name = "observation_version")
    private Integer observationVersion;

    /** Comma-separated artifact ids in upload order; the artifacts themselves may be deleted later. */
    @Column(name = "artifact_ids", length = 2000)
    private String artifactIds;

    @Column(name = "snapshot_json", nullable = false, columnDefinition = "text")
    private String snapshotJson;

    @Column(name = "observations_json", columnDefinition = "text")
    private String observationsJson;

    @Column(name = "artifacts_json", columnDefinition = "text")
    private String artifactsJson;

    @OneToMany(mappedBy = "diagnosis", fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<StoredFinding> findings = new ArrayList<>();

    protected Diagnosis() {
    }

    Diagnosis(SlbInstance instance, Instant createdAt, String createdBy, Status verdict, boolean complete,
            int apiCalls, Integer observationVersion, List<Long> artifactIds, String snapshotJson,
            String observationsJson, String artifactsJson) {
        this.instance = instance;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.verdict = verdict;
        this.complete = complete;
        this.apiCalls = apiCalls;
        this.observationVersion = observationVersion;
        this.artifactIds = artifactIds == null ? "" : artifactIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.snapshotJson = snapshotJson;
        this.observationsJson = observationsJson;
        this.artifactsJson = artifactsJson;
    }

    void addFinding(StoredFinding finding) {
        findings.add(finding);
        switch (finding.getStatus()) {
            case FAIL -> failCount++;
            case WARN -> warnCount++;
            case UNKNOWN -> unknownCount++;
            default -> { }
        }
    }

    public Long getId() { return id; }
    public SlbInstance getInstance() { return instance; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Status getVerdict() { return verdict; }
    public int getFailCount() { return failCount; }
    public int getWarnCount() { return warnCount; }
    public int getUnknownCount() { return unknownCount; }
    public boolean isComplete() { return complete; }
    public int getApiCalls() { return apiCalls; }
    public Integer getObservationVersion() { return observationVersion; }
    public String getSnapshotJson() { return snapshotJson; }
    public String getObservationsJson() { return observationsJson; }
    public String getArtifactsJson() { return artifactsJson; }
    public List<StoredFinding> getFindings() { return Collections.unmodifiableList(findings); }

    public List<Long> getArtifactIds() {
        if (artifactIds == null || artifactIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(artifactIds.split(",")).map(String::trim).map(Long::valueOf).toList();
    }
}
