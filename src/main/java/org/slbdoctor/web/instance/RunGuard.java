package org.slbdoctor.web.instance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most one diagnosis started from the UI runs per instance at a time: a second click, a second
 * tab or a second operator gets "already running" instead of a duplicate run hammering the SLB API.
 * In memory, so per application node, which is what a run's API calls are bound to anyway.
 */
@Component
class RunGuard {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @return false when a run for this instance is already in flight */
    boolean tryStart(String loadBalancerId) {
        return running.add(loadBalancerId);
    }

    void finish(String loadBalancerId) {
        running.remove(loadBalancerId);
    }

    boolean running(String loadBalancerId) {
        return running.contains(loadBalancerId);
    }
}
