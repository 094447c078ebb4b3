package org.slbdoctor.fleet;

import java.util.List;
import org.slbdoctor.instance.SlbInstance;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The ids a fleet scan works through: only the ids, not the entities. */
interface FleetInstances extends Repository<SlbInstance, Long> {

    @Query("select i.loadBalancerId from SlbInstance i order by i.loadBalancerId")
    List<String> allIds();

    @Query("select i.loadBalancerId from SlbInstance i where i.regionId = :regionId order by i.loadBalancerId")
    List<String> idsInRegion(@Param("regionId") String regionId);

    /** Regions with registered instances and how many, for the scan form. */
    @Query("select new org.slbdoctor.fleet.RegionCount(i.regionId, count(i)) from SlbInstance i group by i.regionId order by i.regionId")
    List<RegionCount> regions();
}
