package org.slbdoctor.diagnosis;

import java.time.Instant;
import java.util.List;
import org.slbdoctor.checklist.Status;

/**
 * What changed between two diagnoses of one instance, always from the older ({@code before}) to
 * the newer ({@code after}) whatever order they were asked in. {@code notComparable} names the
 * SLB API parts one of them could not collect, so an empty list there is not read as "no change".
 */
public record DiagnosisDiff(
        Ref before,
        Ref after,
        List<StatusChange> statusChanges,
        List<String> addedListeners,
        List<String> removedListeners,
        List<ListenerChange> listenerChanges,
        List<HealthChange> healthChanges,
        List<BackendChange> addedBackends,
        List<BackendChange> removedBackends,
        List<String> notComparable) {

    public boolean empty() {
        return statusChanges.isEmpty() && addedListeners.isEmpty() && removedListeners.isEmpty()
                && listenerChanges.isEmpty() && healthChanges.isEmpty() && addedBackends.isEmpty()
                && removedBackends.isEmpty();
    }

    public record Ref(long id, Instant createdAt, Status verdict) {
    }

    /** A check whose status moved; a side is null when that diagnosis did not have the check. */
    public record StatusChange(String checkId, String title, Status before, Status after) {
    }

    /** One listener setting that changed (status, health-check switch or settings, timeouts...). */
    public record ListenerChange(String listener, String field, String before, String after) {
    }

    /** A backend's health on a listener; a side is null when that diagnosis did not list it. */
    public record HealthChange(String listener, String serverId, Integer port, String before, String after) {
    }

    public record BackendChange(String listener, String serverId, String serverIp, Integer port) {
    }
}
