package org.slbdoctor.security;

import jakarta.validation.Valid;
import java.security.Principal;
import org.slbdoctor.security.UserService.UserRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/users: list, add, enable/disable, change role and password. ADMIN only (SecurityConfig). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final String VIEW = "admin/users";
    private static final String REDIRECT = "redirect:/admin/users";

    private final UserService users;
    private final MessageSource messages;

    UserAdminController(UserService users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("newUser", new NewUserForm());
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.create(form.getUsername(), form.getPassword(), form.getRole());
                redirect.addFlashAttribute("message", text("users.created", form.getUsername()));
                return REDIRECT;
            } catch (UserRuleException e) {
                result.rejectValue(e.messageKey().contains("password") ? "password" : "username", e.messageKey());
            }
        }
        model.addAttribute("users", users.all());
        return VIEW;
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam Role role, Principal principal, RedirectAttributes redirect) {
        return apply(redirect, "users.roleChanged", () -> users.changeRole(id, role, principal.getName()));
    }

    @PostMapping("/{id}/password")
    String changePassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return apply(redirect, "users.passwordChanged", () -> users.changePassword(id, password));
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal,
            RedirectAttributes redirect) {
        return apply(redirect, enabled ? "users.enabled" : "users.disabled",
                () -> users.setEnabled(id, enabled, principal.getName()));
    }

    private String apply(RedirectAttributes redirect, String successKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", text(successKey));
        } catch (UserRuleException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return REDIRECT;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
