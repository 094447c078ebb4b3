package org.slbdoctor.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.slbdoctor.checklist.Status;

/**
 * A registered SLB instance. The latest verdict is kept on the row (denormalized from the
 * diagnoses) so the dashboard lists 1,000 instances with one query and no join.
 */
@Entity
@Table(name = "slb_instance")
@EntityListeners(InstanceChanges.class)
public class SlbInstance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "load_balancer_id", nullable = false, unique = true, length = 64)
    private String loadBalancerId;

    @Column(name = "region_id", nullable = false, length = 64)
    private String regionId;

    @Column(length = 255)
    private String name;

    @Column(length = 64)
    private String address;

    @Column(name = "address_type", length = 32)
    private String addressType;

    @Column(name = "network_type", length = 32)
    private String networkType;

    @Column(length = 32)
    private String status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", length = 100)
    private String registeredBy;

    @Column(name = "last_diagnosis_id")
    private Long lastDiagnosisId;

    @Column(name = "last_diagnosis_at")
    private Instant lastDiagnosisAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_verdict", length = 20)
    private Status lastVerdict;

    /** FAIL=4 … NOT_APPLICABLE=0, -1 when never diagnosed: lets the database sort worst first. */
    @Column(name = "verdict_rank", nullable = false)
    private int verdictRank = -1;

    @Column(name = "fail_count", nullable = false)
    private int failCount;

    @Column(name = "warn_count", nullable = false)
    private int warnCount;

    @Column(name = "unknown_count", nullable = false)
    private int unknownCount;

    @Version
    private long version;

    protected SlbInstance() {
    }

    public SlbInstance(String loadBalancerId, String regionId, Instant registeredAt, String registeredBy) {
        this.loadBalancerId = loadBalancerId;
        this.regionId = regionId;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /** Refreshes what the SLB API says about the instance (name, address, status). */
    public void describedAs(String name, String address, String addressType, String networkType, String status) {
        this.name = name;
        this.address = address;
        this.addressType = addressType;
        this.networkType = networkType;
        this.status = status;
    }

    /** Records the outcome of a diagnosis as the instance's latest verdict. */
    public void diagnosed(long diagnosisId, Instant at, Status verdict, int fails, int warns, int unknowns) {
        this.lastDiagnosisId = diagnosisId;
        this.lastDiagnosisAt = at;
        this.lastVerdict = verdict;
        this.verdictRank = verdict.severity();
        this.failCount = fails;
        this.warnCount = warns;
        this.unknownCount = unknowns;
    }

    public Long getId() { return id; }
    public String getLoadBalancerId() { return loadBalancerId; }
    public String getRegionId() { return regionId; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public String getAddressType() { return addressType; }
    public String getNetworkType() { return networkType; }
    public String getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getRegisteredBy() { return registeredBy; }
    public Long getLastDiagnosisId() { return lastDiagnosisId; }
    public Instant getLastDiagnosisAt() { return lastDiagnosisAt; }
    public Status getLastVerdict() { return lastVerdict; }
    public int getVerdictRank() { return verdictRank; }
    public int getFailCount() { return failCount; }
    public int getWarnCount() { return warnCount; }
    public int getUnknownCount() { return unknownCount; }
}
