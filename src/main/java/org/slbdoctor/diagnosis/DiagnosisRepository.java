package org.slbdoctor.diagnosis;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface DiagnosisRepository extends ListCrudRepository<Diagnosis, Long> {

    /** History newest first; a projection, so neither findings nor the JSON columns are read. */
    @Query(value = """
            select new org.slbdoctor.diagnosis.DiagnosisSummary(d.id, d.instance.loadBalancerId, d.instance.regionId,
                d.createdAt, d.createdBy, d.verdict,
                d.failCount, d.warnCount, d.unknownCount, d.complete, d.apiCalls)
            from Diagnosis d where d.instance.id = :instanceId order by d.createdAt desc, d.id desc""",
            countQuery = "select count(d) from Diagnosis d where d.instance.id = :instanceId")
    Page<DiagnosisSummary> findHistory(@Param("instanceId") long instanceId, Pageable pageable);

    /** One diagnosis of one instance with its findings in one query (a diagnosis has ~10). */
    @Query("""
            select d from Diagnosis d join fetch d.instance left join fetch d.findings
            where d.id = :id and d.instance.id = :instanceId""")
    Optional<Diagnosis> findWithFindings(@Param("instanceId") long instanceId, @Param("id") long id);

    @Query("select d.snapshotJson from Diagnosis d where d.id = :id")
    Optional<String> findSnapshotJson(@Param("id") long id);
}
