package org.slbdoctor.diagnosis;

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
import jakarta.persistence.Table;
import org.slbdoctor.checklist.Status;

/**
 * A {@link org.slbdoctor.checklist.Finding} as stored with its diagnosis. Evidence and missing
 * inputs are small JSON lists read and written whole, so they live in one column each.
 */
@Entity
@Table(name = "finding")
public class StoredFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "diagnosis_id", nullable = false)
    private Diagnosis diagnosis;

    @Column(nullable = false)
    private int position;

    @Column(name = "check_id", nullable = false, length = 64)
    private String checkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(length = 500)
    private String title;

    @Column(columnDefinition = "text")
    private String summary;

    @Column(name = "evidence_json", columnDefinition = "text")
    private String evidenceJson;

    @Column(columnDefinition = "text")
    private String resolution;

    @Column(name = "guide_section", length = 32)
    private String guideSection;

    @Column(name = "missing_json", columnDefinition = "text")
    private String missingJson;

    protected StoredFinding() {
    }

    StoredFinding(Diagnosis diagnosis, int position, String checkId, Status status, String title, String summary,
            String evidenceJson, String resolution, String guideSection, String missingJson) {
        this.diagnosis = diagnosis;
        this.position = position;
        this.checkId = checkId;
        this.status = status;
        this.title = title;
        this.summary = summary;
        this.evidenceJson = evidenceJson;
        this.resolution = resolution;
        this.guideSection = guideSection;
        this.missingJson = missingJson;
    }

    public Long getId() { return id; }
    public Diagnosis getDiagnosis() { return diagnosis; }
    public int getPosition() { return position; }
    public String getCheckId() { return checkId; }
    public Status getStatus() { return status; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getEvidenceJson() { return evidenceJson; }
    public String getResolution() { return resolution; }
    public String getGuideSection() { return guideSection; }
    public String getMissingJson() { return missingJson; }
}
