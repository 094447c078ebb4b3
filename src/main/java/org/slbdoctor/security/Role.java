package org.slbdoctor.security;

/** The role stored on a user; each user has exactly one, higher roles include the lower ones. */
public enum Role {
    VIEWER, OPERATOR, ADMIN
}
