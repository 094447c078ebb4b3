package org.slbdoctor.instance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.query.Param;

public interface SlbInstanceRepository
        extends ListCrudRepository<SlbInstance, Long>, PagingAndSortingRepository<SlbInstance, Long>,
        JpaSpecificationExecutor<SlbInstance> {

    /** The order of {@link #findAllWorstFirst}, for queries built with a Specification. */
    Sort WORST_FIRST = Sort.by(Sort.Order.desc("verdictRank"), Sort.Order.asc("loadBalancerId"));

    Optional<SlbInstance> findByLoadBalancerId(String loadBalancerId);

    boolean existsByLoadBalancerId(String loadBalancerId);

    /** The row's id and version only: whether what a kept page shows of it is still current (PageCache). */
    @Query("select new org.slbdoctor.instance.RowVersion(i.id, i.version) from SlbInstance i where i.loadBalancerId = :id")
    Optional<RowVersion> findRowVersion(@Param("id") String loadBalancerId);

    /** API.md order: worst verdict first, never-diagnosed last, then by id. */
    @Query("select i from SlbInstance i order by i.verdictRank desc, i.loadBalancerId asc")
    Page<SlbInstance> findAllWorstFirst(Pageable pageable);

    /** The regions instances are registered in, for the dashboard's region filter (uses the region index). */
    @Query("select distinct i.regionId from SlbInstance i order by i.regionId")
    List<String> findRegionIds();

    /** Which of these ids are registered, in one query (the dashboard's demo panel). */
    @Query("select i.loadBalancerId from SlbInstance i where i.loadBalancerId in :ids")
    List<String> findRegisteredIds(@Param("ids") Collection<String> ids);
}
