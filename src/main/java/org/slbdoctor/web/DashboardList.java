package org.slbdoctor.web;

import java.util.List;

/**
 * What the dashboard shows under its heading: the filters, the count, one page of rows and the pager.
 * A value: two requests with equal lists render the same HTML, which {@link RenderedFragments} keeps.
 */
public record DashboardList(DashboardFilter filter, List<String> verdicts, List<String> regions, List<DashboardRow> rows,
        long total, int page, int totalPages, String previousUrl, String nextUrl) {

    /** Nothing registered at all (not: nothing matches the filters). */
    public boolean empty() {
        return total == 0 && !filter.active();
    }
}
