package org.slbdoctor.fleet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of fleet scans ({@code slbdoctor.fleet.*}). The pace of a scan is set by the shared
 * client-side limiter ({@code slbdoctor.aliyun.rate-limit}); this only bounds how many diagnoses
 * are in flight, so that enough calls wait at the limiter to use every token it hands out.
 *
 * @param concurrency diagnoses run at the same time
 * @param keep finished scans kept in memory for {@code GET /api/fleet-scans/{id}}
 */
@ConfigurationProperties("slbdoctor.fleet")
public record FleetProperties(Integer concurrency, Integer keep) {

    public FleetProperties {
        concurrency = concurrency == null ? 8 : Math.max(1, concurrency);
        keep = keep == null ? 20 : Math.max(1, keep);
    }
}
