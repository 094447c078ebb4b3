package org.slbdoctor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** What the templates are told about the user: the role hierarchy applied once. */
class CurrentUserTests {

    private static CurrentUser of(String... roles) {
        var authorities = AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles).map(r -> "ROLE_" + r).toList());
        return CurrentUser.of(UsernamePasswordAuthenticationToken.authenticated("alice", null, authorities),
                SecurityConfig.roleHierarchy());
    }

    @Test
    void anAdministratorIsAlsoAnOperator() {
        assertThat(of(Roles.ADMIN)).isEqualTo(new CurrentUser(true, "alice", true, true));
    }

    @Test
    void anOperatorIsNotAnAdministrator() {
        assertThat(of(Roles.OPERATOR)).isEqualTo(new CurrentUser(true, "alice", true, false));
    }

    @Test
    void aViewerMayOnlyRead() {
        assertThat(of(Roles.VIEWER)).isEqualTo(new CurrentUser(true, "alice", false, false));
    }

    @Test
    void nobodyOrAnAnonymousVisitorIsAnonymous() {
        assertThat(CurrentUser.of(null, SecurityConfig.roleHierarchy())).isEqualTo(CurrentUser.ANONYMOUS);
        assertThat(CurrentUser.of(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), SecurityConfig.roleHierarchy()))
                .isEqualTo(CurrentUser.ANONYMOUS);
        assertThat(List.of(CurrentUser.ANONYMOUS.operator(), CurrentUser.ANONYMOUS.admin())).containsOnly(false);
    }
}
