package org.slbdoctor.security;

/**
 * Role names as used with {@code hasRole(..)}, {@code @PreAuthorize("hasRole('OPERATOR')")} and
 * {@code @WithMockUser(roles = ..)}. ADMIN implies OPERATOR implies VIEWER (see {@link SecurityConfig}).
 */
public final class Roles {

    /** Reads everything: dashboard, instances, diagnoses, reports. */
    public static final String VIEWER = "VIEWER";
    /** Registers instances, records observations, uploads artifacts, runs diagnoses. */
    public static final String OPERATOR = "OPERATOR";
    /** Manages users, deletes instances, reads actuator info and metrics. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
