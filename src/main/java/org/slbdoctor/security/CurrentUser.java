package org.slbdoctor.security;

import java.util.Collection;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at a page, as the templates need it: decided once per request with the role
 * hierarchy (ADMIN implies OPERATOR implies VIEWER) instead of a {@code sec:authorize} expression
 * evaluated per element (each one a SpEL evaluation through the security expression handler).
 */
public record CurrentUser(boolean authenticated, String name, boolean operator, boolean admin) {

    public static final CurrentUser ANONYMOUS = new CurrentUser(false, null, false, false);

    public static CurrentUser of(Authentication authentication, RoleHierarchy roles) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        Collection<? extends GrantedAuthority> reachable = roles.getReachableGrantedAuthorities(authentication.getAuthorities());
        return new CurrentUser(true, authentication.getName(), has(reachable, Roles.OPERATOR), has(reachable, Roles.ADMIN));
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String role) {
        String name = "ROLE_" + role;
        return authorities.stream().anyMatch(a -> name.equals(a.getAuthority()));
    }
}
