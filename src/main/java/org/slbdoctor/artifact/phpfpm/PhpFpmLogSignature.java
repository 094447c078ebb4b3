package org.slbdoctor.artifact.phpfpm;

/** The php-fpm log lines that explain 502/504 (guide section 7). */
public enum PhpFpmLogSignature {
    /** {@code server reached pm.max_children setting (5), consider raising it}, or {@code server reached max_children setting} (pm = ondemand) */
    MAX_CHILDREN_REACHED("server reached pm.max_children setting"),
    /** {@code child 12345, script '…' (request: "…") execution timed out (31.002 sec), terminating}: request_terminate_timeout */
    EXECUTION_TIMED_OUT("execution timed out"),
    /** {@code child 1234 exited on signal 9 (SIGKILL) after …}: a child killed (OOM killer, the timeout's SIGTERM...) */
    CHILD_EXITED_ON_SIGNAL("child exited on signal"),
    /** {@code child 1234 exited with code 255 after …} (code 0 is a normal recycle, counted separately) */
    CHILD_EXITED_WITH_ERROR_CODE("child exited with a non-zero code"),
    /** {@code child 1234 exited with code 0 after …} */
    CHILD_EXITED_NORMALLY("child exited with code 0"),
    /** {@code seems busy (you may need to increase pm.start_servers, or pm.min/max_spare_servers)} */
    SEEMS_BUSY("pool seems busy");

    private final String description;

    PhpFpmLogSignature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
