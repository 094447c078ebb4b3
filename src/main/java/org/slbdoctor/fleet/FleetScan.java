package org.slbdoctor.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One fleet scan while it runs and after: the queue of instances and the counters. Workers take the
 * next instance with {@link #next()}; after {@link #cancel()} they get none, so the diagnoses in
 * flight finish and the queued instances are skipped. Thread-safe (one lock: the counters change a
 * few times a second at most).
 */
final class FleetScan {

    /** Calls of the diagnoses finished in this window give the "current rate". */
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;
    private static final int MAX_FAILURES_SHOWN = 20;

    private record Completion(long atNanos, int calls) {
    }

    private final long id;
    private final String regionId;
    private final String startedBy;
    private final Instant startedAt;
    private final long startNanos;
    private final List<String> queue;
    private final Clock clock;

    private int started;
    private int done;
    private int failed;
    private int incomplete;
    private long apiCalls;
    private boolean cancelled;
    private boolean ended;
    private Instant finishedAt;
    private long endNanos;
    private final Deque<Completion> recent = new ArrayDeque<>();
    private final List<FleetScanProgress.Failure> failures = new ArrayList<>();

    FleetScan(long id, String regionId, String startedBy, List<String> loadBalancerIds, Clock clock) {
        this.id = id;
        this.regionId = regionId;
        this.startedBy = startedBy;
        this.queue = List.copyOf(loadBalancerIds);
        this.clock = clock;
        this.startedAt = clock.instant();
        this.startNanos = System.nanoTime();
        if (queue.isEmpty()) {
            end();
        }
    }

    long id() {
        return id;
    }

    /** The next instance to diagnose; {@code null} once the queue is empty or the scan was cancelled. */
    synchronized String next() {
        if (cancelled || started >= queue.size()) {
            return null;
        }
        return queue.get(started++);
    }

    synchronized void diagnosed(int calls, boolean complete) {
        done++;
        apiCalls += calls;
        if (!complete) {
            incomplete++;
        }
        long now = System.nanoTime();
        recent.addLast(new Completion(now, calls));
        while (!recent.isEmpty() && now - recent.peekFirst().atNanos() > RATE_WINDOW_NANOS) {
            recent.pollFirst();
        }
    }

    synchronized void failed(String loadBalancerId, String message) {
        done++;
        failed++;
        if (failures.size() < MAX_FAILURES_SHOWN) {
            failures.add(new FleetScanProgress.Failure(loadBalancerId, message));
        }
    }

    /** @return whether the scan was still running (a cancel of an ended scan changes nothing) */
    synchronized boolean cancel() {
        if (ended || cancelled) {
            return false;
        }
        cancelled = true;
        return true;
    }

    /** Called when the last worker stopped. */
    synchronized void end() {
        if (!ended) {
            ended = true;
            finishedAt = clock.instant();
            endNanos = System.nanoTime();
        }
    }

    synchronized boolean active() {
        return !ended;
    }

    synchronized FleetScanProgress progress() {
        long now = ended ? endNanos : System.nanoTime();
        long elapsedNanos = Math.max(1, now - startNanos);
        FleetScanState state = ended ? (cancelled ? FleetScanState.CANCELLED : FleetScanState.FINISHED)
                : (cancelled ? FleetScanState.CANCELLING : FleetScanState.RUNNING);
        int skipped = cancelled ? queue.size() - started : 0;
        double rate;
        if (ended) {
            rate = apiCalls / (elapsedNanos / 1e9);
        } else {
            long windowStart = now - RATE_WINDOW_NANOS;
            long inWindow = recent.stream().filter(c -> c.atNanos() >= windowStart).mapToLong(Completion::calls).sum();
            rate = inWindow / (Math.min(elapsedNanos, RATE_WINDOW_NANOS) / 1e9);
        }
        Long eta = null;
        if (!ended && done > 0) {
            int remaining = (cancelled ? started : queue.size()) - done;
            eta = Math.round(elapsedNanos / 1e9 / done * remaining);
        }
        return new FleetScanProgress(id, regionId, state, startedBy, startedAt, finishedAt, queue.size(), done, failed,
                incomplete, skipped, apiCalls, Math.round(rate * 10) / 10.0, eta, elapsedNanos / 1_000_000,
                List.copyOf(failures));
    }
}
