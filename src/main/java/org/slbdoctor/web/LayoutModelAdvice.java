package org.slbdoctor.web;

import org.slbdoctor.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.NullRoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes the layout needs on every page. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final boolean sandboxMode;
    private final RoleHierarchy roles;

    /** Without the application's role hierarchy (a web slice test), each role counts only as itself. */
    LayoutModelAdvice(Environment environment, ObjectProvider<RoleHierarchy> roles) {
        // read once: whoever decides the default of slbdoctor.sandbox.enabled does it with a property source
        // before any bean exists (SandboxModeEnvironmentPostProcessor); resolving the property name on
        // every request was ~5 % of what a kept page allocated (bench/README.md)
        this.sandboxMode = environment.getProperty("slbdoctor.sandbox.enabled", Boolean.class, false);
        this.roles = roles.getIfAvailable(NullRoleHierarchy::new);
    }

    /** Drives the sandbox banner. */
    @ModelAttribute("sandboxMode")
    boolean sandboxMode() {
        return sandboxMode;
    }

    /** The user's name and roles, for the navigation and each page's actions. */
    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication(), roles);
    }
}
