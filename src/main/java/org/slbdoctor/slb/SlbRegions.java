package org.slbdoctor.slb;

import com.aliyuncs.slb.model.v20140515.DescribeRegionsRequest;
import com.aliyuncs.slb.model.v20140515.DescribeRegionsResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The regions the SLB API knows (DescribeRegions), cached: they change a few times a year, and the
 * registration form and every registration need them.
 */
public class SlbRegions {

    /** One region: id and local name (e.g. {@code cn-hangzhou}, {@code 华东1（杭州）}). */
    public record Region(String regionId, String localName) {
    }

    /** DescribeRegions is answered by the central endpoint; any region works for the call itself. */
    static final String CALL_REGION = "cn-hangzhou";

    private final SlbClient client;
    private final Clock clock;
    private final Duration ttl;
    private volatile List<Region> cached;
    private volatile Instant fetchedAt = Instant.MIN;

    public SlbRegions(SlbClient client, Clock clock, Duration ttl) {
        this.client = client;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The regions; throws {@link SlbApiException} when they cannot be read and none are cached. */
    public List<Region> all() {
        List<Region> current = cached;
        if (current != null && clock.instant().isBefore(fetchedAt.plus(ttl))) {
            return current;
        }
        synchronized (this) {
            if (cached != null && clock.instant().isBefore(fetchedAt.plus(ttl))) {
                return cached;
            }
            try {
                DescribeRegionsRequest request = new DescribeRegionsRequest();
                DescribeRegionsResponse r = client.call(CALL_REGION, request).response();
                cached = r.getRegions().stream().map(x -> new Region(x.getRegionId(), x.getLocalName())).toList();
                fetchedAt = clock.instant();
                return cached;
            } catch (SlbApiException e) {
                if (cached != null) {
                    return cached; // a stale list beats failing every registration while the API hiccups
                }
                throw e;
            }
        }
    }

    public boolean known(String regionId) {
        return all().stream().anyMatch(r -> r.regionId().equals(regionId));
    }
}
