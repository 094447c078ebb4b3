package org.slbdoctor.artifact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;

public interface ArtifactRepository extends JpaRepository<Artifact, Long> {

    String METADATA = "select new org.slbdoctor.artifact.ArtifactMetadata(a.id, a.instanceId, a.kind, a.name, "
            + "a.sizeBytes, a.sha256, a.uploadedBy, a.uploadedAt) from Artifact a ";

    /** Upload order (the order checks apply artifacts in), without loading any content. */
    @Query(value = METADATA + "where a.instanceId = :instanceId order by a.uploadedAt asc, a.id asc",
            countQuery = "select count(a) from Artifact a where a.instanceId = :instanceId")
    Page<ArtifactMetadata> findMetadataByInstanceId(@Param("instanceId") long instanceId, Pageable pageable);

    @Query(METADATA + "where a.instanceId = :instanceId and a.id = :id")
    Optional<ArtifactMetadata> findMetadata(@Param("instanceId") long instanceId, @Param("id") long id);

    /** Content included: for analysis. */
    List<Artifact> findByInstanceIdOrderByUploadedAtAscIdAsc(long instanceId);

    Optional<Artifact> findByInstanceIdAndId(long instanceId, long id);

    @Modifying
    @Query("delete from Artifact a where a.instanceId = :instanceId and a.id = :id")
    int deleteOne(@Param("instanceId") long instanceId, @Param("id") long id);
}
