package org.slbdoctor.diagnosis;

import java.net.URI;
import java.security.Principal;
import org.slbdoctor.web.PageParams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/instances/{loadBalancerId}/diagnoses}: run, history, one, diff (API.md). */
@RestController
@RequestMapping("/api/instances/{loadBalancerId}/diagnoses")
class DiagnosisController {

    private final DiagnosisService diagnoses;

    DiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    /** 201 even when the SLB API failed: the diagnosis then says so in {@code collection}. */
    @PostMapping
    ResponseEntity<DiagnosisView> run(@PathVariable String loadBalancerId, Principal user) {
        DiagnosisView view = diagnoses.run(loadBalancerId, user == null ? null : user.getName()).toView();
        URI location = URI.create("/api/instances/" + loadBalancerId + "/diagnoses/" + view.id());
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping
    DiagnosisPage history(@PathVariable String loadBalancerId, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageParams paging = PageParams.of(page, size);
        return diagnoses.history(loadBalancerId, paging.page(), paging.size());
    }

    @GetMapping("/{id}")
    DiagnosisView one(@PathVariable String loadBalancerId, @PathVariable long id) {
        return diagnoses.get(loadBalancerId, id).toView();
    }

    @GetMapping("/{id}/diff/{otherId}")
    DiagnosisDiff diff(@PathVariable String loadBalancerId, @PathVariable long id, @PathVariable long otherId) {
        return diagnoses.diff(loadBalancerId, id, otherId);
    }
}
