package org.slbdoctor.observation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of an instance's observations; never updated, a change adds the next version. */
@Entity
@Table(name = "observation_set")
class ObservationSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private Long instanceId;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, columnDefinition = "text")
    private String json;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ObservationSet() {
    }

    ObservationSet(Long instanceId, int version, String json, String createdBy, Instant createdAt) {
        this.instanceId = instanceId;
        this.version = version;
        this.json = json;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    Long getInstanceId() { return instanceId; }
    int getVersion() { return version; }
    String getJson() { return json; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
}
