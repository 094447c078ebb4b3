package org.slbdoctor.checklist;

/** A finding's status, declared worst first: the worst status of all findings is the verdict. */
public enum Status {
    FAIL, WARN, UNKNOWN, PASS, NOT_APPLICABLE;

    /** Higher is worse: FAIL 4 … NOT_APPLICABLE 0. */
    public int severity() {
        return values().length - 1 - ordinal();
    }

    public boolean worseThan(Status other) {
        return severity() > other.severity();
    }

    public static Status worst(Iterable<Status> statuses) {
        Status worst = NOT_APPLICABLE;
        for (Status s : statuses) {
            if (s.worseThan(worst)) {
                worst = s;
            }
        }
        return worst;
    }
}
