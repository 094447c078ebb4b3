/** Users, roles ({@code VIEWER} &lt; {@code OPERATOR} &lt; {@code ADMIN}), login, admin bootstrap. */
package org.slbdoctor.security;
