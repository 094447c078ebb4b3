package org.slbdoctor.security;

import static org.slbdoctor.security.Roles.ADMIN;
import static org.slbdoctor.security.Roles.OPERATOR;
import static org.slbdoctor.security.Roles.VIEWER;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.ObjectMapper;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**}: HTTP Basic or the UI session, answers
 * 401/403 as problem+json, never redirects. Everything else: the browser UI with form login.
 *
 * <p>CSRF: ignored on {@code /api/**}. Scripts authenticate with Basic (no ambient credentials to
 * forge); browser calls that ride on the UI session are protected by the session cookie being
 * {@code SameSite=Lax} (see application.yml), which browsers do not send on cross-site POST, PUT or
 * DELETE. Every UI form keeps Spring's synchronizer-token CSRF protection.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** The one DELETE that needs ADMIN: removing a registered instance. */
    static final String INSTANCE_PATH = "/api/instances/*";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(OPERATOR)
                .role(OPERATOR).implies(VIEWER)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} today; the prefix lets us move to a stronger scheme without invalidating hashes
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.DELETE, INSTANCE_PATH).hasRole(ADMIN)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                // a 401 must not remember "where to go after login": there is no login page here
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/icons/**", "/favicon.ico", "/favicon.svg").permitAll()
                        .requestMatchers("/login", "/error", "/error/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        // removing an instance from the UI is an ADMIN action, as on the API
                        .requestMatchers(HttpMethod.POST, "/instances/*/delete").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/**").hasRole(VIEWER)
                        .anyRequest().hasRole(OPERATOR))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(pp -> pp.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
