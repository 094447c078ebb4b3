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

    private final Environment environment;
    private final RoleHierarchy roles;

    /** Without the application's role hierarchy (a web slice test), each role counts only as itself. */
    LayoutModelAdvice(Environment environment, ObjectProvider<RoleHierarchy> roles) {
        this.environment = environment;
        this.roles = roles.getIfAvailable(NullRoleHierarchy::new);
    }

    /**
     * Drives the sandbox banner. Read per request from the environment (not cached) so whoever
     * decides the default of {@code slbdoctor.sandbox.enabled} can do it with a property source.
     */
    @ModelAttribute("sandboxMode")
    boolean sandboxMode() {
        return environment.getProperty("slbdoctor.sandbox.enabled", Boolean.class, false);
    }

    /** The user's name and roles, for the navigation and each page's actions. */
    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication(), roles);
    }
}
