package org.slbdoctor.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The "add user" form. A JavaBean (not a record) because Thymeleaf's th:field binds through getters. */
public class NewUserForm {

    @NotBlank(message = "{users.username.required}")
    @Pattern(regexp = "^$|[A-Za-z0-9._-]{3,50}", message = "{users.username.invalid}")
    private String username;

    @Size(min = UserService.MIN_PASSWORD_LENGTH, max = UserService.MAX_PASSWORD_BYTES, message = "{users.password.size}")
    @NotNull(message = "{users.password.size}")
    private String password;

    @NotNull(message = "{users.role.required}")
    private Role role = Role.VIEWER;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? null : username.trim(); }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
}
