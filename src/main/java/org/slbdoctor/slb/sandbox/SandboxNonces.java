package org.slbdoctor.slb.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The SignatureNonces the sandbox accepted within the timestamp window: a nonce is good once. Older
 * ones are forgotten (a request that old is refused for its Timestamp anyway). Thread-safe.
 */
final class SandboxNonces {

    private record Seen(String nonce, Instant at) {
    }

    private final Duration window;
    private final Set<String> nonces = new HashSet<>();
    private final Deque<Seen> order = new ArrayDeque<>();

    SandboxNonces(Duration window) {
        this.window = window;
    }

    /** True the first time {@code nonce} is presented within the window. */
    synchronized boolean firstUse(String nonce, Instant now) {
        Instant horizon = now.minus(window);
        while (!order.isEmpty() && order.peekFirst().at().isBefore(horizon)) {
            nonces.remove(order.pollFirst().nonce());
        }
        if (!nonces.add(nonce)) {
            return false;
        }
        order.addLast(new Seen(nonce, now));
        return true;
    }
}
