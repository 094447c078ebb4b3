/** One class per check id of CHECKLIST.md ({@code health-check} → {@code HealthCheckCheck}), each a Spring component. */
package org.slbdoctor.checklist.checks;
