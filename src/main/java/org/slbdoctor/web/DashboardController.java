package org.slbdoctor.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slbdoctor.instance.InstanceImportService;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home page: registered instances, worst verdict first, searchable and filterable. The rows come
 * from {@link DashboardData} (one page query, its count and the region list per change of the
 * instance table), their HTML from {@link RenderedFragments}.
 */
@Controller
class DashboardController {

    static final String VIEW = "dashboard";
    static final String DEMO = "fragments/sandbox-demo :: table(demo=${demo})";
    static final String LIST = "fragments/dashboard-list :: list(list=${list})";

    private final DashboardData data;
    private final DemoInstances demo;
    private final InstanceImportService importer;
    private final MessageSource messages;
    private final RenderedFragments fragments;
    private final PageCache pages;

    DashboardController(DashboardData data, DemoInstances demo, InstanceImportService importer,
            MessageSource messages, RenderedFragments fragments, PageCache pages) {
        this.pages = pages;
        this.fragments = fragments;
        this.data = data;
        this.demo = demo;
        this.importer = importer;
        this.messages = messages;
    }

    /** Kept whole ({@link PageCache}) while its rows and the demo panel stay the same. */
    @GetMapping("/")
    ModelAndView dashboard(@RequestParam(required = false) String q, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
        DashboardFilter filter = new DashboardFilter(q, verdict, region);
        DashboardData.Kept kept = data.page(filter, page);
        DashboardList list = kept.list();
        if (list.rows().isEmpty() && list.totalPages() > 0 && page > 0) {
            return new ModelAndView("redirect:" + filter.url(list.totalPages() - 1));
        }
        DemoInstances.Panel panel = demo.panel();
        return pages.page(VIEW, new PageKey(filter, kept.key(), panel), model, () -> {
            model.addAttribute("list", list);
            model.addAttribute("listHtml", fragments.html(LIST, kept.key(), () -> Map.of("list", list)));
            model.addAttribute("demo", panel);
            model.addAttribute("demoHtml", panel == null ? null : fragments.html(DEMO, panel, () -> Map.of("demo", panel)));
        });
    }

    /** The filter is in the key because the page's search form shows it back. */
    private record PageKey(DashboardFilter filter, ValueKey rows, DemoInstances.Panel demo) {
    }

    /** Sandbox mode: registers every demo instance through the (sandbox) SLB API, then shows the dashboard. */
    @PostMapping("/demo-instances")
    @PreAuthorize("hasRole('OPERATOR')")
    String registerDemoInstances(Principal user, Locale locale, RedirectAttributes flash) {
        if (!importer.sandboxMode()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        List<InstanceImportService.Result> results;
        try {
            results = importer.registerAllDemoInstances(user.getName(), null);
        } catch (ErrorResponseException e) {
            // the SLB (sandbox) API failed before anything was registered: say why, stay on the dashboard
            flash.addFlashAttribute("error", messages.getMessage("dashboard.demo.failed",
                    new Object[] {e.getBody().getDetail()}, locale));
            return "redirect:/";
        }
        int imported = results.stream().mapToInt(r -> r.imported().size()).sum();
        String failed = results.stream().flatMap(r -> r.failed().stream())
                .map(f -> f.loadBalancerId() + " (" + f.code() + ")").collect(Collectors.joining(", "));
        flash.addFlashAttribute("message", messages.getMessage("dashboard.demo.done", new Object[] {imported}, locale));
        if (!failed.isEmpty()) {
            flash.addFlashAttribute("error", messages.getMessage("dashboard.demo.failed", new Object[] {failed}, locale));
        }
        return "redirect:/";
    }

    /** The navigation's "Instances" entry: the dashboard is the list of instances. */
    @GetMapping("/instances")
    String instances() {
        return "redirect:/";
    }
}
