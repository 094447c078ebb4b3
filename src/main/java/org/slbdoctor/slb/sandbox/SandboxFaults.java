package org.slbdoctor.slb.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection of the sandbox, changeable while it runs (from settings at start, from tests, and
 * from the admin page). Thread-safe. Also records every call the sandbox received, so tests and
 * benchmarks can count API calls.
 */
public class SandboxFaults {

    /** A fault on one action (or on every action, key {@value #ALL}); {@code remaining} -1 = until cleared. */
    public record ActionFault(SandboxFault fault, int remaining) {
    }

    /** A read-only view for the admin page / REST. */
    public record View(long latencyMillis, Map<String, Long> actionLatencyMillis, int throttleStatus,
            double throttleMaxCallsPerSecond, int throttleNextCalls, Map<String, ActionFault> actionFaults,
            int callsReceived) {
    }

    public static final String ALL = "*";

    private volatile long latencyMillis;
    private final Map<String, Long> actionLatency = new ConcurrentHashMap<>();
    private volatile int throttleStatus = 400;
    private volatile double throttleMaxCallsPerSecond;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final Map<String, ActionFault> actionFaults = new ConcurrentHashMap<>();
    private final Deque<Long> recentCalls = new ArrayDeque<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    public void setLatencyMillis(long millis) {
        this.latencyMillis = Math.max(0, millis);
    }

    public void setLatencyMillis(String action, long millis) {
        actionLatency.put(action, Math.max(0, millis));
    }

    public void setThrottleStatus(int status) {
        if (status != 400 && status != 429) {
            throw new IllegalArgumentException("throttling status must be 400 or 429");
        }
        this.throttleStatus = status;
    }

    /** Answers Throttling.User to calls beyond this rate (calls in the last second); 0 turns it off. */
    public void setThrottleMaxCallsPerSecond(double rate) {
        this.throttleMaxCallsPerSecond = Math.max(0, rate);
    }

    /** Answers Throttling.User to the next {@code n} calls. */
    public void throttleNextCalls(int n) {
        throttleNext.set(Math.max(0, n));
    }

    /** Injects a fault on an action ({@value #ALL} for every action) for its next {@code times} calls (-1 = until cleared). */
    public void inject(String action, SandboxFault fault, int times) {
        actionFaults.put(action, new ActionFault(fault, times < 0 ? -1 : times));
    }

    public void inject(String action, SandboxFault fault) {
        inject(action, fault, -1);
    }

    public void clear(String action) {
        actionFaults.remove(action);
    }

    /** Back to a well-behaved sandbox; the call log is kept (see {@link #resetCalls()}). */
    public void reset() {
        latencyMillis = 0;
        actionLatency.clear();
        throttleStatus = 400;
        throttleMaxCallsPerSecond = 0;
        throttleNext.set(0);
        actionFaults.clear();
        synchronized (recentCalls) {
            recentCalls.clear();
        }
    }

    public int throttleStatus() {
        return throttleStatus;
    }

    public long latencyFor(String action) {
        return actionLatency.getOrDefault(action, latencyMillis);
    }

    /** Records a call and says whether it must be throttled. */
    boolean recordAndCheckThrottle(String action) {
        calls.add(action);
        if (throttleNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return true;
        }
        double rate = throttleMaxCallsPerSecond;
        long now = System.nanoTime();
        synchronized (recentCalls) {
            while (!recentCalls.isEmpty() && now - recentCalls.peekFirst() > 1_000_000_000L) {
                recentCalls.pollFirst();
            }
            if (rate > 0 && recentCalls.size() >= rate) {
                return true;
            }
            recentCalls.addLast(now);
        }
        return false;
    }

    /** The fault to apply to this call of {@code action}, consuming one use of a counted fault. */
    Optional<SandboxFault> takeFault(String action) {
        for (String key : new String[] {action, ALL}) {
            ActionFault[] taken = new ActionFault[1];
            actionFaults.computeIfPresent(key, (k, f) -> {
                taken[0] = f;
                if (f.remaining() < 0) {
                    return f;
                }
                return f.remaining() <= 1 ? null : new ActionFault(f.fault(), f.remaining() - 1);
            });
            if (taken[0] != null) {
                return Optional.of(taken[0].fault());
            }
        }
        return Optional.empty();
    }

    /** Every action received since the last {@link #resetCalls()}, in arrival order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long callCount(String action) {
        return calls.stream().filter(action::equals).count();
    }

    public void resetCalls() {
        calls.clear();
    }

    public View view() {
        return new View(latencyMillis, Map.copyOf(actionLatency), throttleStatus, throttleMaxCallsPerSecond,
                throttleNext.get(), new LinkedHashMap<>(actionFaults), calls.size());
    }
}
