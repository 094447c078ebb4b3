package org.slbdoctor.instance;

import java.util.List;
import org.slbdoctor.slb.SlbRegions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/regions}: the regions the SLB API knows, and the instances of one (for the import page). */
@RestController
@RequestMapping("/api/regions")
class RegionController {

    private final InstanceImportService importer;

    RegionController(InstanceImportService importer) {
        this.importer = importer;
    }

    @GetMapping
    List<SlbRegions.Region> regions() {
        return importer.regions();
    }

    @GetMapping("/{regionId}/load-balancers")
    List<InstanceImportService.LoadBalancerSummary> loadBalancers(@PathVariable String regionId) {
        return importer.list(regionId);
    }
}
