package org.slbdoctor.web.instance;

import java.security.Principal;
import java.util.Locale;
import org.slbdoctor.diagnosis.DiagnosisNotFound;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.InstanceChanges;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.web.PageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instance page (its latest diagnosis) and the "Run diagnosis" action. A run takes as long as
 * the SLB API calls do (seconds); the browser shows progress meanwhile and {@link RunGuard} turns a
 * second submission for the same instance into a message instead of a second run.
 */
@Controller
class InstancePageController {

    static final String VIEW = "instances/show";
    static final String REDIRECT_TO_PAGE = "redirect:/instances/{loadBalancerId}";

    private static final Logger log = LoggerFactory.getLogger(InstancePageController.class);

    private final SlbInstanceRepository instances;
    private final DiagnosisService diagnoses;
    private final ReportHtml reports;
    private final RunGuard guard;
    private final MessageSource messages;
    private final InstanceChanges changes;
    private final PageCache pages;

    InstancePageController(SlbInstanceRepository instances, DiagnosisService diagnoses, ReportHtml reports,
            RunGuard guard, MessageSource messages, InstanceChanges changes, PageCache pages) {
        this.changes = changes;
        this.pages = pages;
        this.instances = instances;
        this.diagnoses = diagnoses;
        this.reports = reports;
        this.guard = guard;
        this.messages = messages;
    }

    /**
     * Kept whole ({@link PageCache}) until the instance changes (a diagnosis, a removal) or a run starts
     * or ends: the instance's change number is read before anything it would describe. The row's
     * version is checked again after max-age, for changes made by another node.
     */
    @GetMapping("/instances/{loadBalancerId}")
    ModelAndView show(@PathVariable String loadBalancerId, Locale locale, Model model) {
        boolean running = guard.running(loadBalancerId);
        PageKey key = new PageKey(loadBalancerId, changes.version(loadBalancerId), running);
        return pages.page(VIEW, key, () -> instances.findRowVersion(loadBalancerId).orElse(null), model, () -> {
            SlbInstance instance = instances.findByLoadBalancerId(loadBalancerId)
                    .orElseThrow(() -> DiagnosisNotFound.instance(loadBalancerId));
            Long diagnosisId = instance.getLastDiagnosisId();
            model.addAttribute("urls", new InstanceUrls(loadBalancerId));
            // the row carries what the SLB API said in the latest diagnosis (DiagnosisStore), as its report does
            model.addAttribute("header", InstanceHeader.of(instance));
            model.addAttribute("diagnosisId", diagnosisId);
            model.addAttribute("reportHtml", diagnosisId == null ? null : reports.html(instance, diagnosisId, locale));
            model.addAttribute("latest", true);
            model.addAttribute("running", running);
        });
    }

    private record PageKey(String loadBalancerId, long version, boolean running) {
    }

    /** The URL filter chain already requires OPERATOR for any POST; this says so where the action is. */
    @PostMapping("/instances/{loadBalancerId}/diagnoses")
    @PreAuthorize("hasRole('OPERATOR')")
    String run(@PathVariable String loadBalancerId, Principal user, Locale locale, RedirectAttributes flash) {
        if (!instances.existsByLoadBalancerId(loadBalancerId)) {
            throw DiagnosisNotFound.instance(loadBalancerId);
        }
        if (!guard.tryStart(loadBalancerId)) {
            flash.addFlashAttribute("error", messages.getMessage("pages.run.alreadyRunning", null, locale));
            return REDIRECT_TO_PAGE;
        }
        try {
            DiagnosisRecord record = diagnoses.run(loadBalancerId, user == null ? null : user.getName());
            String verdict = messages.getMessage("status." + record.verdict().name(), null, locale);
            String key = record.complete() ? "pages.run.done" : "pages.run.doneIncomplete";
            flash.addFlashAttribute("message", messages.getMessage(key, new Object[] {record.id(), verdict}, locale));
        } catch (DiagnosisNotFound e) {
            throw e;
        } catch (RuntimeException e) {
            // API failures are recorded in the diagnosis itself; this is anything else (database, bug)
            log.error("diagnosis of {} failed", loadBalancerId, e);
            flash.addFlashAttribute("error", messages.getMessage("pages.run.failed", null, locale));
        } finally {
            guard.finish(loadBalancerId);
        }
        return REDIRECT_TO_PAGE;
    }
}
