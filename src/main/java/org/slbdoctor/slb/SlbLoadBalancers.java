package org.slbdoctor.slb;

import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancersResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every instance of a region (DescribeLoadBalancers, all pages). */
public final class SlbLoadBalancers {

    /** The largest page the API serves (PageSize 1-100, §5.2). */
    static final int PAGE_SIZE = 100;
    /** PageNumber is at most 1000 (§5.2). */
    static final int MAX_PAGES = 1000;

    private SlbLoadBalancers() {
    }

    /**
     * Pages through DescribeLoadBalancers until a page is short or empty. TotalCount only ends the
     * listing early when it is clearly the total matching: the reference records two readings of it
     * (total matching, or number returned on the page, §5.2), and under the second "all ≥ TotalCount"
     * holds after the first full page. A page with nothing new (an API ignoring PageNumber) ends it too.
     *
     * @throws SlbApiException when a page cannot be read
     */
    public static List<DescribeLoadBalancersResponse.LoadBalancer> all(SlbClient client, String regionId) {
        List<DescribeLoadBalancersResponse.LoadBalancer> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            DescribeLoadBalancersRequest request = new DescribeLoadBalancersRequest();
            request.setPageNumber(page);
            request.setPageSize(PAGE_SIZE);
            DescribeLoadBalancersResponse r = client.call(regionId, request).response();
            List<DescribeLoadBalancersResponse.LoadBalancer> items = r.getLoadBalancers() == null ? List.of()
                    : r.getLoadBalancers();
            boolean anyNew = false;
            for (DescribeLoadBalancersResponse.LoadBalancer lb : items) {
                if (seen.add(String.valueOf(lb.getLoadBalancerId()))) {
                    all.add(lb);
                    anyNew = true;
                }
            }
            // the page size the API applied, when it says (it may serve fewer than asked)
            int pageSize = r.getPageSize() != null && r.getPageSize() > 0 ? Math.min(r.getPageSize(), PAGE_SIZE) : PAGE_SIZE;
            Integer total = r.getTotalCount();
            boolean totalReached = total != null && total > items.size() && all.size() >= total;
            if (items.size() < pageSize || !anyNew || totalReached) {
                break;
            }
        }
        return all;
    }
}
