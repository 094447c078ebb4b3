package org.slbdoctor.instance;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter that moves whenever a registered instance is added, changed (a new diagnosis updates
 * its verdict) or removed through JPA, so what is derived from the instance table can be kept
 * until the table changes ({@code web.DashboardData}), and what is derived from one instance until
 * that instance changes ({@code version(loadBalancerId)}: its page).
 *
 * <p>It moves after the transaction ends, not when the entity is flushed: a reader that sees the old
 * number may still read the old rows and keep them under that number, but never the new number with
 * the old rows. Writes that bypass JPA (another application node on the same PostgreSQL, SQL by
 * hand) do not move it; readers bound how long they keep anything for that reason.
 */
@Component
public class InstanceChanges {

    private static final AtomicLong VERSION = new AtomicLong();
    /** Per load balancer id, the number its last change moved the counter to; absent: unchanged since start. */
    private static final Map<String, Long> LAST_CHANGE = new ConcurrentHashMap<>();

    /** Hibernate asks Spring for the listener; the counter is shared so any instance of it works. */
    public InstanceChanges() {
    }

    /** The current number: equal numbers, no instance changed in between. */
    public long version() {
        return VERSION.get();
    }

    /** The number of the last change of this instance (0: none since start): equal numbers, it did not change. */
    public long version(String loadBalancerId) {
        return LAST_CHANGE.getOrDefault(loadBalancerId, 0L);
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(SlbInstance instance) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    moved(instance.getLoadBalancerId());
                }
            });
        } else {
            moved(instance.getLoadBalancerId());
        }
    }

    private static void moved(String loadBalancerId) {
        long version = VERSION.incrementAndGet();
        if (loadBalancerId != null) {
            LAST_CHANGE.merge(loadBalancerId, version, Math::max);
        }
    }
}
