package org.slbdoctor.instance;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface SlbInstanceRepository
        extends ListCrudRepository<SlbInstance, Long>, PagingAndSortingRepository<SlbInstance, Long> {

    Optional<SlbInstance> findByLoadBalancerId(String loadBalancerId);

    boolean existsByLoadBalancerId(String loadBalancerId);

    /** API.md order: worst verdict first, never-diagnosed last, then by id. */
    @Query("select i from SlbInstance i order by i.verdictRank desc, i.loadBalancerId asc")
    Page<SlbInstance> findAllWorstFirst(Pageable pageable);
}
