package org.slbdoctor.diagnosis;

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

    @GetMapping
    DiagnosisPage history(@PathVariable String loadBalancerId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return diagnoses.history(loadBalancerId, page, size);
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
