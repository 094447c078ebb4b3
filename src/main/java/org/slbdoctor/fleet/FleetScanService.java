package org.slbdoctor.fleet;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Diagnoses every registered instance of a region (or all of them), {@code slbdoctor.fleet.concurrency}
 * at a time. Every SLB call goes through the application's one {@link org.slbdoctor.slb.SlbClient},
 * whose shared limiter ({@code slbdoctor.aliyun.rate-limit}) sets the pace and whose retries absorb
 * throttling answers. One scan at a time: a second start while one runs is refused (409). Scans live
 * in memory; what they produce (the diagnoses) is stored like any other diagnosis.
 */
@Service
@EnableConfigurationProperties(FleetProperties.class)
public class FleetScanService {

    private static final Logger log = LoggerFactory.getLogger(FleetScanService.class);
    static final Pattern REGION_ID = Pattern.compile("^[a-z]{2,}(-[a-z0-9]+)+$");

    private final FleetInstances instances;
    private final DiagnosisService diagnoses;
    private final FleetProperties settings;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService workers;
    /** Newest last; bounded by {@code keep}. Guarded by {@code this}. */
    private final Map<Long, FleetScan> scans = new LinkedHashMap<>();

    FleetScanService(FleetInstances instances, DiagnosisService diagnoses, FleetProperties settings,
            ObjectProvider<Clock> clock) {
        this.instances = instances;
        this.diagnoses = diagnoses;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "fleet-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a scan of {@code regionId} ({@code null} or blank = every registered instance).
     *
     * @throws FleetScanProblem 400 for a malformed region, 409 while another scan runs
     */
    public synchronized FleetScanProgress start(String regionId, String user) {
        String region = regionId == null || regionId.isBlank() ? null : regionId.trim();
        if (region != null && !REGION_ID.matcher(region).matches()) {
            throw FleetScanProblem.invalidRegion();
        }
        Optional<FleetScan> running = scans.values().stream().filter(FleetScan::active).findFirst();
        if (running.isPresent()) {
            throw FleetScanProblem.alreadyRunning(running.get().id());
        }
        List<String> ids = region == null ? instances.allIds() : instances.idsInRegion(region);
        FleetScan scan = new FleetScan(ids(), region, user, ids, clock);
        scans.put(scan.id(), scan);
        evictOld();
        log.info("fleet scan {} started by {}: {} instances in {}", scan.id(), user, ids.size(),
                region == null ? "every region" : region);
        if (!ids.isEmpty()) {
            int threads = Math.min(settings.concurrency(), ids.size());
            AtomicInteger workersLeft = new AtomicInteger(threads);
            for (int i = 0; i < threads; i++) {
                workers.execute(() -> work(scan, user, workersLeft));
            }
        }
        return scan.progress();
    }

    private long ids() {
        return ids.incrementAndGet();
    }

    private void work(FleetScan scan, String user, AtomicInteger running) {
        try {
            for (String lb = scan.next(); lb != null; lb = scan.next()) {
                try {
                    DiagnosisRecord record = diagnoses.run(lb, user);
                    scan.diagnosed(record.apiCalls(), record.complete());
                } catch (RuntimeException e) {
                    log.warn("fleet scan {}: diagnosis of {} failed: {}", scan.id(), lb, e.toString());
                    scan.failed(lb, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        } finally {
            if (running.decrementAndGet() == 0) {
                scan.end();
                FleetScanProgress p = scan.progress();
                log.info("fleet scan {} {}: {} diagnosed, {} failed, {} incomplete, {} skipped, {} API calls in {} ms",
                        p.id(), p.state(), p.done() - p.failed(), p.failed(), p.incomplete(), p.skipped(),
                        p.apiCalls(), p.elapsedMillis());
            }
        }
    }

    public synchronized FleetScanProgress get(long id) {
        FleetScan scan = scans.get(id);
        if (scan == null) {
            throw FleetScanProblem.notFound(id);
        }
        return scan.progress();
    }

    /** Stops taking instances from the queue: the diagnoses in flight finish, the rest are skipped. */
    public synchronized FleetScanProgress cancel(long id, String user) {
        FleetScan scan = scans.get(id);
        if (scan == null) {
            throw FleetScanProblem.notFound(id);
        }
        if (scan.cancel()) {
            log.info("fleet scan {} cancelled by {}", id, user);
        }
        return scan.progress();
    }

    /** The kept scans, newest first. */
    public synchronized List<FleetScanProgress> recent() {
        List<FleetScanProgress> all = new ArrayList<>();
        scans.values().forEach(s -> all.add(0, s.progress()));
        return all;
    }

    /** The running scan, else the newest one. */
    public synchronized Optional<FleetScanProgress> latest() {
        return scans.values().stream().filter(FleetScan::active).findFirst()
                .or(() -> scans.values().stream().reduce((a, b) -> b))
                .map(FleetScan::progress);
    }

    public List<RegionCount> regions() {
        return instances.regions();
    }

    private void evictOld() {
        var it = scans.values().iterator();
        while (scans.size() > settings.keep() && it.hasNext()) {
            if (!it.next().active()) {
                it.remove();
            }
        }
    }

    @PreDestroy
    void stop() {
        scans.values().forEach(FleetScan::cancel);
        workers.shutdownNow();
    }
}
