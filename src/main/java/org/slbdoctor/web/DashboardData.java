package org.slbdoctor.web;

import java.time.Duration;
import org.slbdoctor.instance.InstanceChanges;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The dashboard's rows, counts and regions, read from the database once per change of the instance
 * table ({@link InstanceChanges}) and at most {@link #MAX_AGE} old.
 *
 * <p>Why: loading 50 instance entities through Hibernate was a third of the dashboard's CPU under load
 * (bench/README.md) while the table changes only when an instance is registered, removed or
 * diagnosed. A change made by this process shows at once; one made by another node sharing the
 * database shows within two seconds.
 */
@Component
class DashboardData {

    static final int PAGE_SIZE = 50;
    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Query(DashboardFilter filter, int page) {
    }

    /** A page of the dashboard, with the key its rendered HTML is kept under. */
    record Kept(DashboardList list, ValueKey key) {
    }

    private final SlbInstanceRepository instances;
    private final VersionedCache<Query, Kept> lists;

    DashboardData(SlbInstanceRepository instances, InstanceChanges changes) {
        this.instances = instances;
        this.lists = new VersionedCache<>(changes::version, MAX_AGE, 1_000);
    }

    /** One page (0-based; negative pages are the first) of instances matching the filter, worst first. */
    Kept page(DashboardFilter filter, int page) {
        return lists.get(new Query(filter, Math.max(page, 0)), () -> {
            DashboardList list = load(filter, Math.max(page, 0));
            return new Kept(list, new ValueKey(list));
        });
    }

    private DashboardList load(DashboardFilter filter, int page) {
        PageRequest request = PageRequest.of(page, PAGE_SIZE, SlbInstanceRepository.WORST_FIRST);
        Page<SlbInstance> result = filter.active()
                ? instances.findAll(filter.specification(), request)
                : instances.findAll(request);
        return new DashboardList(filter, DashboardFilter.VERDICTS, instances.findRegionIds(),
                result.getContent().stream().map(DashboardRow::of).toList(), result.getTotalElements(),
                result.getNumber(), result.getTotalPages(),
                result.hasPrevious() ? filter.url(result.getNumber() - 1) : null,
                result.hasNext() ? filter.url(result.getNumber() + 1) : null);
    }
}
