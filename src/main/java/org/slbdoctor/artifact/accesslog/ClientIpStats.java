package org.slbdoctor.artifact.accesslog;

import org.slbdoctor.artifact.LineRef;

/** Requests from one {@code client_ip}: how many, and the first one (its text cut to 2,048 characters). */
public record ClientIpStats(String clientIp, long count, LineRef firstLine) {
}
