package org.slbdoctor.slb.sandbox;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/sandbox}: the sandbox's fault injection from the browser (latency, throttling, a
 * fault per action), driving the same {@link SandboxFaults} bean as the REST API. ADMIN (security
 * config: /admin/**); the page exists only in sandbox mode.
 */
@Controller
@RequestMapping("/admin/sandbox")
@ConditionalOnBooleanProperty("slbdoctor.sandbox.enabled")
class SandboxAdminController {

    static final String VIEW = "admin/sandbox";
    private static final String REDIRECT = "redirect:/admin/sandbox";

    /** The actions the sandbox answers, for the per-action controls ({@value SandboxFaults#ALL} = every action). */
    static final List<String> ACTIONS = List.of(SandboxFaults.ALL, "DescribeRegions", "DescribeLoadBalancers",
            "DescribeLoadBalancerAttribute", "DescribeLoadBalancerListeners", "DescribeHealthStatus",
            "DescribeVServerGroups", "DescribeVServerGroupAttribute", "DescribeRules",
            "DescribeLoadBalancerHTTPListenerAttribute", "DescribeLoadBalancerHTTPSListenerAttribute",
            "DescribeLoadBalancerTCPListenerAttribute", "DescribeLoadBalancerUDPListenerAttribute");

    private final SandboxFaults faults;
    private final MessageSource messages;

    SandboxAdminController(SandboxFaults faults, MessageSource messages) {
        this.faults = faults;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("faults", faults.view());
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("faultTypes", SandboxFault.values());
        return VIEW;
    }

    @PostMapping("/global")
    String global(@RequestParam(defaultValue = "0") long latencyMillis, @RequestParam(defaultValue = "400") int throttleStatus,
            @RequestParam(defaultValue = "0") double throttleMaxCallsPerSecond,
            @RequestParam(defaultValue = "0") int throttleNextCalls, RedirectAttributes redirect) {
        if (latencyMillis < 0 || latencyMillis > 60_000 || throttleMaxCallsPerSecond < 0 || throttleNextCalls < 0
                || (throttleStatus != 400 && throttleStatus != 429)) {
            redirect.addFlashAttribute("error", text("sandbox.invalid"));
            return REDIRECT;
        }
        faults.setLatencyMillis(latencyMillis);
        faults.setThrottleStatus(throttleStatus);
        faults.setThrottleMaxCallsPerSecond(throttleMaxCallsPerSecond);
        faults.throttleNextCalls(throttleNextCalls);
        redirect.addFlashAttribute("message", text("sandbox.saved"));
        return REDIRECT;
    }

    @PostMapping("/action")
    String action(@RequestParam String action, @RequestParam(required = false) String fault,
            @RequestParam(defaultValue = "-1") int times, @RequestParam(required = false) Long latencyMillis,
            RedirectAttributes redirect) {
        if (!ACTIONS.contains(action) || (latencyMillis != null && (latencyMillis < 0 || latencyMillis > 60_000))) {
            redirect.addFlashAttribute("error", text("sandbox.invalid"));
            return REDIRECT;
        }
        if (fault == null || fault.isBlank()) {
            faults.clear(action);
        } else {
            SandboxFault f;
            try {
                f = SandboxFault.valueOf(fault);
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("error", text("sandbox.invalid"));
                return REDIRECT;
            }
            faults.inject(action, f, times <= 0 ? -1 : times);
        }
        if (latencyMillis != null && !SandboxFaults.ALL.equals(action)) {
            faults.setLatencyMillis(action, latencyMillis);
        }
        redirect.addFlashAttribute("message", text("sandbox.saved"));
        return REDIRECT;
    }

    @PostMapping("/reset")
    String reset(RedirectAttributes redirect) {
        faults.reset();
        redirect.addFlashAttribute("message", text("sandbox.resetDone"));
        return REDIRECT;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
