package org.slbdoctor.artifact.accesslog;

/**
 * A {@code status} (what SLB answered the client) with the {@code upstream_status} (what the backend
 * answered SLB); {@code upstream_status} is {@code "-"} when the log had none ({@code -} or empty:
 * SLB got no response from a backend, so the error is SLB's own).
 */
public record StatusPair(String status, String upstreamStatus) {

    public boolean serverError() {
        return status.length() == 3 && status.charAt(0) == '5';
    }

    public boolean upstreamAnswered() {
        return !upstreamStatus.equals("-");
    }

    @Override
    public String toString() {
        return status + "/" + upstreamStatus;
    }
}
