package org.slbdoctor.artifact.nginx;

/**
 * The nginx error-log lines CHECKLIST.md names (web-app rule 2, header-size rule 2). Errno-based
 * signatures match on the errno number and the phase within one line, because the errno's wording
 * differs between C libraries (glibc "Connection timed out", musl "Operation timed out").
 */
public enum NginxErrorSignature {
    /** {@code upstream timed out (110: …) while reading response header from upstream} */
    UPSTREAM_READ_TIMEOUT(504, "upstream timed out (110) while reading response header from upstream", true),
    /** {@code upstream timed out (110: …) while connecting to upstream} */
    UPSTREAM_CONNECT_TIMEOUT(504, "upstream timed out (110) while connecting to upstream", true),
    /** {@code recv() failed (104: …) while reading response header from upstream}: request_terminate_timeout */
    UPSTREAM_RESET_READING_HEADER(502, "(104: connection reset) while reading response header from upstream", true),
    /** {@code (111: …) while connecting to upstream}, TCP and unix-socket forms */
    UPSTREAM_CONNECTION_REFUSED(502, "(111: connection refused) while connecting to upstream", true),
    /** {@code (2: No such file or directory) while connecting to upstream}: the socket file is missing */
    UPSTREAM_SOCKET_MISSING(502, "(2: no such file or directory) while connecting to upstream", true),
    /** {@code (11: Resource temporarily unavailable) while connecting to upstream}: listen backlog full */
    UPSTREAM_BACKLOG_FULL(502, "(11: resource temporarily unavailable) while connecting to upstream", true),
    /** {@code upstream prematurely closed connection while reading response header from upstream} */
    UPSTREAM_PREMATURELY_CLOSED(502, "upstream prematurely closed connection while reading response header from upstream",
            true),
    /** {@code no live upstreams while connecting to upstream} */
    NO_LIVE_UPSTREAMS(502, "no live upstreams while connecting to upstream", true),
    /** {@code upstream sent too big header while reading response header from upstream} (header-size) */
    UPSTREAM_SENT_TOO_BIG_HEADER(502, "upstream sent too big header", false);

    private final int httpStatus;
    private final String description;
    private final boolean webApp;

    NginxErrorSignature(int httpStatus, String description, boolean webApp) {
        this.httpStatus = httpStatus;
        this.description = description;
        this.webApp = webApp;
    }

    /** The status the client sees when this happens (504 timeouts, 502 otherwise). */
    public int httpStatus() {
        return httpStatus;
    }

    public String description() {
        return description;
    }

    /** Whether web-app rule 2 reads it; {@link #UPSTREAM_SENT_TOO_BIG_HEADER} is header-size's. */
    public boolean webAppSignature() {
        return webApp;
    }
}
