package org.slbdoctor.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes the layout needs on every page. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final Environment environment;

    LayoutModelAdvice(Environment environment) {
        this.environment = environment;
    }

    /**
     * Drives the sandbox banner. Read per request from the environment (not cached) so whoever
     * decides the default of {@code slbdoctor.sandbox.enabled} can do it with a property source.
     */
    @ModelAttribute("sandboxMode")
    boolean sandboxMode() {
        return environment.getProperty("slbdoctor.sandbox.enabled", Boolean.class, false);
    }
}
