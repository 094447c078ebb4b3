package org.slbdoctor.fleet;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/fleet-scans}: start (OPERATOR), follow, cancel (OPERATOR). */
@RestController
@RequestMapping("/api/fleet-scans")
class FleetScanController {

    /** The body of a start; {@code regionId} absent or null = every registered instance. */
    record StartRequest(String regionId) {
    }

    private final FleetScanService scans;

    FleetScanController(FleetScanService scans) {
        this.scans = scans;
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<FleetScanProgress> start(@RequestBody(required = false) StartRequest body, Authentication user) {
        FleetScanProgress scan = scans.start(body == null ? null : body.regionId(), user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/fleet-scans/" + scan.id())).body(scan);
    }

    @GetMapping
    List<FleetScanProgress> recent() {
        return scans.recent();
    }

    @GetMapping("/{id}")
    FleetScanProgress get(@PathVariable long id) {
        return scans.get(id);
    }

    /** 202 while the diagnoses in flight finish, 200 when the scan has ended. */
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<FleetScanProgress> cancel(@PathVariable long id, Authentication user) {
        FleetScanProgress scan = scans.cancel(id, user.getName());
        return ResponseEntity.status(scan.state().active() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(scan);
    }
}
