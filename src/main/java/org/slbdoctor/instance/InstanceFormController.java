package org.slbdoctor.instance;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slbdoctor.slb.SlbRegions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registration pages: one instance by region and id ({@code /instances/new}), a region's
 * instances chosen from its listing ({@code /instances/import}); in sandbox mode the register page
 * also offers the dashboard's "register all demo instances" button. The services decide; this shows their answers,
 * SLB code and RequestId included. Writes need OPERATOR (security config: every UI POST).
 */
@Controller
class InstanceFormController {

    static final String NEW_VIEW = "instances/new";
    static final String IMPORT_VIEW = "instances/import";

    private final InstanceRegistrationService registration;
    private final InstanceImportService importer;
    private final MessageSource messages;

    InstanceFormController(InstanceRegistrationService registration, InstanceImportService importer,
            MessageSource messages) {
        this.registration = registration;
        this.importer = importer;
        this.messages = messages;
    }

    /** What the pages show of a refused request: the problem as the API would answer it. */
    record Problem(int status, String title, String detail, String code, String requestId, String kind,
            Map<String, String> fieldErrors, String existingId) {

        static Problem of(InstanceProblem e) {
            ProblemDetail p = e.getBody();
            Map<String, Object> props = p.getProperties() == null ? Map.of() : p.getProperties();
            Map<String, String> fields = new LinkedHashMap<>();
            if (props.get("errors") instanceof List<?> errors) {
                for (Object o : errors) {
                    if (o instanceof InstanceProblem.FieldProblem f) {
                        fields.merge(f.field(), f.message(), (a, b) -> a + "; " + b);
                    }
                }
            }
            return new Problem(p.getStatus(), p.getTitle(), p.getDetail(), str(props.get("code")),
                    str(props.get("requestId")), str(props.get("kind")), fields, null);
        }

        Problem withExisting(String loadBalancerId) {
            return new Problem(status, title, detail, code, requestId, kind, fieldErrors, loadBalancerId);
        }

        public String field(String name) {
            return fieldErrors.get(name);
        }

        /** A problem about the request as a whole (not only bad fields). */
        public boolean general() {
            return fieldErrors.isEmpty();
        }

        private static String str(Object o) {
            return o == null ? null : o.toString();
        }
    }

    // --- one instance ---

    /** The forms are for those who may submit them: a viewer gets 403, not a form that would fail. */
    @GetMapping("/instances/new")
    @PreAuthorize("hasRole('OPERATOR')")
    String initCreationForm(@RequestParam(required = false) String regionId, Model model) {
        return newView(model, regionId == null ? "" : regionId, "", null);
    }

    @PostMapping("/instances/new")
    String processCreationForm(@RequestParam(required = false) String regionId,
            @RequestParam(required = false) String loadBalancerId, Principal principal, Model model,
            RedirectAttributes redirect) {
        String region = trim(regionId);
        String id = trim(loadBalancerId);
        try {
            SlbInstance saved = registration.register(region, id, name(principal));
            redirect.addFlashAttribute("message", text("register.done", saved.getLoadBalancerId(),
                    saved.getName() == null ? "" : saved.getName()));
            redirect.addAttribute("id", saved.getLoadBalancerId());
            return "redirect:/instances/{id}";
        } catch (InstanceProblem e) {
            Problem problem = Problem.of(e);
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                problem = problem.withExisting(id);
            }
            return newView(model, region, id, problem);
        }
    }

    private String newView(Model model, String regionId, String loadBalancerId, Problem problem) {
        model.addAttribute("regionId", regionId);
        model.addAttribute("loadBalancerId", loadBalancerId);
        model.addAttribute("problem", problem);
        addRegions(model);
        model.addAttribute("demoAvailable", importer.sandboxMode());
        return NEW_VIEW;
    }

    // --- import from a region ---

    @GetMapping("/instances/import")
    @PreAuthorize("hasRole('OPERATOR')")
    String initImportForm(@RequestParam(required = false) String regionId, Model model) {
        String region = trim(regionId);
        model.addAttribute("regionId", region == null ? "" : region);
        addRegions(model);
        if (region != null && !region.isEmpty()) {
            try {
                model.addAttribute("listing", importer.list(region));
            } catch (InstanceProblem e) {
                model.addAttribute("problem", Problem.of(e));
            }
        }
        return IMPORT_VIEW;
    }

    @PostMapping("/instances/import")
    String processImportForm(@RequestParam(required = false) String regionId,
            @RequestParam(name = "loadBalancerIds", required = false) List<String> loadBalancerIds,
            Principal principal, Model model, RedirectAttributes redirect) {
        String region = trim(regionId);
        List<InstanceImportService.Progress> steps = new ArrayList<>();
        try {
            InstanceImportService.Result result = importer.importInstances(region, loadBalancerIds, name(principal),
                    steps::add);
            redirect.addFlashAttribute("importResult", ImportReport.of(result, steps));
            redirect.addFlashAttribute("message", text("import.done", result.imported().size(),
                    result.alreadyRegistered().size(), result.failed().size()));
        } catch (InstanceProblem e) {
            redirect.addFlashAttribute("importProblem", Problem.of(e));
        }
        redirect.addAttribute("regionId", region == null ? "" : region);
        return "redirect:/instances/import";
    }

    /** The outcome of an import, one row per instance in the order handled. */
    record ImportReport(String regionId, List<Row> rows, int imported, int skipped, int failed) {

        record Row(String loadBalancerId, String outcome, String code, String message) {
        }

        static ImportReport of(InstanceImportService.Result result, List<InstanceImportService.Progress> steps) {
            Map<String, InstanceImportService.Failure> failures = new LinkedHashMap<>();
            result.failed().forEach(f -> failures.put(f.loadBalancerId(), f));
            List<Row> rows = new ArrayList<>();
            for (InstanceImportService.Progress p : steps) {
                InstanceImportService.Failure f = failures.get(p.loadBalancerId());
                rows.add(new Row(p.loadBalancerId(), p.outcome().name(), f == null ? null : f.code(),
                        f == null ? null : f.message()));
            }
            return new ImportReport(result.regionId(), rows, result.imported().size(),
                    result.alreadyRegistered().size(), result.failed().size());
        }
    }

    private void addRegions(Model model) {
        try {
            List<SlbRegions.Region> regions = importer.regions();
            model.addAttribute("regions", regions);
        } catch (InstanceProblem e) {
            model.addAttribute("regions", List.of());
            model.addAttribute("regionsProblem", Problem.of(e));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
