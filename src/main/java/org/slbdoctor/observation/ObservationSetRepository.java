package org.slbdoctor.observation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ObservationSetRepository extends JpaRepository<ObservationSet, Long> {

    Optional<ObservationSet> findFirstByInstanceIdOrderByVersionDesc(Long instanceId);

    Optional<ObservationSet> findByInstanceIdAndVersion(Long instanceId, int version);
}
