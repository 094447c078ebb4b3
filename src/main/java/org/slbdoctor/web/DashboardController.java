package org.slbdoctor.web;

import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: registered instances, worst verdict first. */
@Controller
class DashboardController {

    static final int PAGE_SIZE = 50;

    private final SlbInstanceRepository instances;

    DashboardController(SlbInstanceRepository instances) {
        this.instances = instances;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<SlbInstance> result = instances.findAllWorstFirst(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("instances", result);
        return "dashboard";
    }
}
