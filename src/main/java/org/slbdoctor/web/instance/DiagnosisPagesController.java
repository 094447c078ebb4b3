package org.slbdoctor.web.instance;

import java.util.Locale;
import org.slbdoctor.checklist.Checklist;
import org.slbdoctor.diagnosis.DiagnosisNotFound;
import org.slbdoctor.diagnosis.DiagnosisPage;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An instance's diagnoses: the history, one older diagnosis, and the diff between two. */
@Controller
class DiagnosisPagesController {

    static final String HISTORY_VIEW = "diagnoses/history";
    static final String SHOW_VIEW = "diagnoses/show";
    static final String DIFF_VIEW = "diagnoses/diff";
    static final int PAGE_SIZE = 20;

    private final SlbInstanceRepository instances;
    private final DiagnosisService diagnoses;
    private final ReportPages pages;
    private final ReportHtml reports;
    private final RunGuard guard;
    private final Checklist checklist;
    private final MessageSource messages;

    DiagnosisPagesController(SlbInstanceRepository instances, DiagnosisService diagnoses, ReportPages pages,
            ReportHtml reports, RunGuard guard, Checklist checklist, MessageSource messages) {
        this.instances = instances;
        this.diagnoses = diagnoses;
        this.pages = pages;
        this.reports = reports;
        this.guard = guard;
        this.checklist = checklist;
        this.messages = messages;
    }

    @GetMapping("/instances/{loadBalancerId}/diagnoses")
    String history(@PathVariable String loadBalancerId, @RequestParam(defaultValue = "0") int page, Model model) {
        SlbInstance instance = instance(loadBalancerId);
        DiagnosisPage history = diagnoses.history(loadBalancerId, page, PAGE_SIZE);
        int totalPages = (int) ((history.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("urls", new InstanceUrls(loadBalancerId));
        model.addAttribute("header", InstanceHeader.of(instance));
        model.addAttribute("history", history);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("latestId", instance.getLastDiagnosisId());
        return HISTORY_VIEW;
    }

    @GetMapping("/instances/{loadBalancerId}/diagnoses/{id:\\d+}")
    String show(@PathVariable String loadBalancerId, @PathVariable long id, Locale locale, Model model) {
        SlbInstance instance = instance(loadBalancerId);
        ReportPage page = pages.page(instance, id, locale);
        model.addAttribute("urls", new InstanceUrls(loadBalancerId));
        model.addAttribute("header", InstanceHeader.of(page.report().instance()));
        model.addAttribute("diagnosisId", id);
        model.addAttribute("reportHtml", reports.html(instance, id, locale, page));
        model.addAttribute("latest", Long.valueOf(id).equals(instance.getLastDiagnosisId()));
        model.addAttribute("running", guard.running(loadBalancerId));
        return SHOW_VIEW;
    }

    /** {@code from}/{@code to} as the history form sends them; anything but two different ids goes back to it. */
    @GetMapping("/instances/{loadBalancerId}/diagnoses/diff")
    String diff(@PathVariable String loadBalancerId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, Model model, RedirectAttributes flash) {
        SlbInstance instance = instance(loadBalancerId);
        Long a = id(from);
        Long b = id(to);
        if (a == null || b == null || a.equals(b)) {
            flash.addFlashAttribute("error", messages.getMessage("pages.diff.pickTwo", null, locale));
            return "redirect:/instances/{loadBalancerId}/diagnoses";
        }
        model.addAttribute("urls", new InstanceUrls(loadBalancerId));
        model.addAttribute("header", InstanceHeader.of(instance));
        model.addAttribute("diff", DiffPage.of(diagnoses.diff(loadBalancerId, a, b), checklist, locale));
        return DIFF_VIEW;
    }

    private SlbInstance instance(String loadBalancerId) {
        return instances.findByLoadBalancerId(loadBalancerId)
                .orElseThrow(() -> DiagnosisNotFound.instance(loadBalancerId));
    }

    private static Long id(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text.strip());
    }
}
