package org.slbdoctor.fleet;

import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /fleet}: start a fleet scan, follow its progress (fleet.js polls the JSON API), cancel it.
 * Works without JavaScript too: the page shows the progress at the time it was loaded.
 */
@Controller
class FleetPageController {

    static final String VIEW = "fleet/index";
    private static final String REDIRECT = "redirect:/fleet";

    private final FleetScanService scans;
    private final MessageSource messages;

    FleetPageController(FleetScanService scans, MessageSource messages) {
        this.scans = scans;
        this.messages = messages;
    }

    @GetMapping("/fleet")
    String show(Model model) {
        model.addAttribute("regions", scans.regions());
        model.addAttribute("scan", scans.latest().orElse(null));
        model.addAttribute("recent", scans.recent());
        return VIEW;
    }

    @PostMapping("/fleet/scans")
    String start(@RequestParam(required = false) String regionId, Principal user, RedirectAttributes redirect) {
        try {
            FleetScanProgress scan = scans.start(regionId, user.getName());
            redirect.addFlashAttribute("message", text("fleet.started", String.valueOf(scan.id()), String.valueOf(scan.total())));
        } catch (FleetScanProblem e) {
            redirect.addFlashAttribute("error", e.runningScanId() != null
                    ? text("fleet.alreadyRunning", String.valueOf(e.runningScanId())) : text("fleet.invalidRegion"));
        }
        return REDIRECT;
    }

    @PostMapping("/fleet/scans/{id}/cancel")
    String cancel(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        try {
            scans.cancel(id, user.getName());
            redirect.addFlashAttribute("message", text("fleet.cancelled", String.valueOf(id)));
        } catch (FleetScanProblem e) {
            redirect.addFlashAttribute("error", text("fleet.notFound", String.valueOf(id)));
        }
        return REDIRECT;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
