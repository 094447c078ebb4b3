package org.slbdoctor.slb.sandbox;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Fault injection of the sandbox over REST (ADMIN; the admin page drives the same bean). */
@RestController
@RequestMapping("/api/admin/sandbox/faults")
@ConditionalOnBooleanProperty("slbdoctor.sandbox.enabled")
@PreAuthorize("hasRole('ADMIN')")
class SandboxFaultsController {

    /** A change: every field optional; {@code actionFaults} maps an action (or {@code *}) to its fault, null clears it. */
    record FaultsChange(Long latencyMillis, Integer throttleStatus, Double throttleMaxCallsPerSecond,
            Integer throttleNextCalls, Map<String, ActionFaultChange> actionFaults) {
    }

    record ActionFaultChange(SandboxFault fault, Integer times) {
    }

    private final SandboxFaults faults;

    SandboxFaultsController(SandboxFaults faults) {
        this.faults = faults;
    }

    @GetMapping
    SandboxFaults.View current() {
        return faults.view();
    }

    @PutMapping
    ResponseEntity<SandboxFaults.View> change(@RequestBody FaultsChange change) {
        try {
            if (change.latencyMillis() != null) {
                faults.setLatencyMillis(change.latencyMillis());
            }
            if (change.throttleStatus() != null) {
                faults.setThrottleStatus(change.throttleStatus());
            }
            if (change.throttleMaxCallsPerSecond() != null) {
                faults.setThrottleMaxCallsPerSecond(change.throttleMaxCallsPerSecond());
            }
            if (change.throttleNextCalls() != null) {
                faults.throttleNextCalls(change.throttleNextCalls());
            }
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().build();
        }
        if (change.actionFaults() != null) {
            change.actionFaults().forEach((action, f) -> {
                if (f == null || f.fault() == null) {
                    faults.clear(action);
                } else {
                    faults.inject(action, f.fault(), f.times() == null ? -1 : f.times());
                }
            });
        }
        return ResponseEntity.ok(faults.view());
    }

    @DeleteMapping
    ResponseEntity<Void> reset() {
        faults.reset();
        return ResponseEntity.noContent().build();
    }
}
