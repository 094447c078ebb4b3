package org.slbdoctor.fleet;

/** Where a fleet scan is: running, cancelled (queued instances skipped) or finished. */
public enum FleetScanState {
    RUNNING, CANCELLING, CANCELLED, FINISHED;

    public boolean active() {
        return this == RUNNING || this == CANCELLING;
    }
}
