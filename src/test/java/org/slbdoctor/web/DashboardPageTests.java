package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;

/** The dashboard: worst first, search, filters, pagination, empty states, SQL statements per page. */
class DashboardPageTests extends PageTestSupport {

    @BeforeEach
    @AfterEach
    void empty() {
        instances.deleteAll();
    }

    private SlbInstance save(String id, String region, String name, Status verdict, int fails, int warns, int unknowns) {
        SlbInstance i = new SlbInstance(id, region, Instant.parse("2026-11-20T08:00:00Z"), "admin");
        i.describedAs(name, "47.0.0." + (id.length() % 200), "internet", "vpc", "active");
        if (verdict != null) {
            i.diagnosed(1, Instant.parse("2026-11-23T10:00:00Z"), verdict, fails, warns, unknowns);
        }
        return instances.save(i);
    }

    private String html(String url, Object... params) throws Exception {
        var request = get(url).with(user("v").roles("VIEWER"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param((String) params[i], (String) params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The load balancer ids of the table rows, in page order. */
    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("data-lb=\"([^\"]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void listsWorstFirstWithCountsAndNeverDiagnosedLast() throws Exception {
        save("lb-a-pass", "cn-hangzhou", "alpha", Status.PASS, 0, 0, 0);
        save("lb-b-never", "cn-hangzhou", "bravo", null, 0, 0, 0);
        save("lb-c-fail", "cn-shanghai", "charlie", Status.FAIL, 2, 1, 3);
        save("lb-d-warn", "cn-beijing", "delta", Status.WARN, 0, 2, 0);
        save("lb-e-unknown", "cn-hangzhou", "echo", Status.UNKNOWN, 0, 0, 4);

        String html = html("/");
        assertThat(rows(html)).containsExactly("lb-c-fail", "lb-d-warn", "lb-e-unknown", "lb-a-pass", "lb-b-never");
        assertThat(html).contains("badge-fail", "count count-fail", "count count-unknown", "never",
                "2026-11-23 10:00 UTC", "5 load balancers");
        // region filter lists each region once, sorted
        assertThat(html).containsSubsequence("<option value=\"cn-beijing\"", "<option value=\"cn-hangzhou\"",
                "<option value=\"cn-shanghai\"");
    }

    @Test
    void searchesIdOrNameCaseInsensitivelyAndFiltersByVerdictAndRegion() throws Exception {
        save("lb-web-1", "cn-hangzhou", "Web Prod", Status.FAIL, 1, 0, 0);
        save("lb-api-1", "cn-hangzhou", "API gateway", Status.PASS, 0, 0, 0);
        save("lb-web-2", "cn-shanghai", "web staging", Status.WARN, 0, 1, 0);
        save("lb-batch", "cn-shanghai", "100%_done", null, 0, 0, 0);

        assertThat(rows(html("/", "q", "WEB"))).containsExactly("lb-web-1", "lb-web-2");
        assertThat(rows(html("/", "q", "gateway"))).containsExactly("lb-api-1");
        assertThat(rows(html("/", "q", "web", "region", "cn-shanghai"))).containsExactly("lb-web-2");
        assertThat(rows(html("/", "verdict", "fail"))).containsExactly("lb-web-1");
        assertThat(rows(html("/", "verdict", "NONE"))).containsExactly("lb-batch");
        // % and _ are literal characters, not wildcards
        assertThat(rows(html("/", "q", "%_"))).containsExactly("lb-batch");
        assertThat(rows(html("/", "q", "_"))).containsExactly("lb-batch");
        // a verdict the filter does not know is ignored, not an error
        assertThat(rows(html("/", "verdict", "BOGUS"))).hasSize(4);

        String none = html("/", "q", "nothing-like-this");
        assertThat(none).contains("data-testid=\"no-match\"").doesNotContain("data-testid=\"empty-state\"");
        assertThat(none).contains("value=\"nothing-like-this\"");
    }

    @Test
    void paginatesKeepingTheFilters() throws Exception {
        for (int i = 0; i < 120; i++) {
            save(String.format("lb-%03d", i), i % 2 == 0 ? "cn-hangzhou" : "cn-shanghai", "n" + i, Status.PASS, 0, 0, 0);
        }
        String first = html("/", "region", "cn-hangzhou", "q", "LB-");
        assertThat(rows(first)).hasSize(50).allMatch(id -> Integer.parseInt(id.substring(3)) % 2 == 0);
        assertThat(first).contains("Page 1 of 2").contains("href=\"/?q=LB-&amp;region=cn-hangzhou&amp;page=1\"");
        String second = html("/", "region", "cn-hangzhou", "q", "LB-", "page", "1");
        assertThat(rows(second)).hasSize(10).doesNotContainAnyElementsOf(rows(first));
        assertThat(second).contains("href=\"/?q=LB-&amp;region=cn-hangzhou\"");
        // past the end: back to the last page
        mvc.perform(get("/").param("page", "99").with(user("v").roles("VIEWER")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/?page=2"));
    }

    @Test
    void searchTextWithUrlCharactersStaysInItsParameter() {
        assertThat(new DashboardFilter("a&verdict=PASS #x", "FAIL", null).url(1))
                .isEqualTo("/?q=a%26verdict%3DPASS%20%23x&verdict=FAIL&page=1");
        assertThat(new DashboardFilter("  ", "warn", " ").url(0)).isEqualTo("/?verdict=WARN");
        assertThat(new DashboardFilter("x".repeat(500), null, null).q()).hasSize(DashboardFilter.MAX_QUERY);
    }

    @Test
    void emptyStatesTellViewersAndOperatorsWhatToDo() throws Exception {
        mvc.perform(get("/").with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("data-testid=\"empty-state\"")))
                .andExpect(content().string(containsString("Ask an operator")))
                .andExpect(content().string(not(containsString("href=\"/instances/new\""))));
        mvc.perform(get("/").with(user("o").roles("OPERATOR")))
                .andExpect(content().string(containsString("href=\"/instances/new\"")))
                .andExpect(content().string(containsString("href=\"/instances/import\"")));
    }

    @Test
    void rendersInChinese() throws Exception {
        save("lb-zh", "cn-hangzhou", "生产环境", Status.FAIL, 1, 0, 0);
        mvc.perform(get("/").param("lang", "zh-CN").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("负载均衡实例")))
                .andExpect(content().string(containsString("共 1 个负载均衡实例")))
                .andExpect(content().string(not(containsString("清除筛选"))))
                .andExpect(content().string(containsString("生产环境")));
    }

    @Test
    void aPageOfOneHundredInstancesIsOneQueryPlusCountAndTheRegionList() throws Exception {
        for (int i = 0; i < 100; i++) {
            save(String.format("lb-n1-%03d", i), "cn-region-" + (i % 5), "name " + i,
                    Status.values()[i % Status.values().length], i % 3, i % 2, i % 4);
        }
        Statistics stats = statistics();
        stats.clear();
        String html = html("/");
        long statements = stats.getPrepareStatementCount();
        assertThat(rows(html)).hasSize(50);
        // the page, its count (the page is full), the region list: nothing per instance
        assertThat(statements).as("SQL statements for one dashboard page").isLessThanOrEqualTo(3);

        stats.clear();
        html("/", "q", "name 1", "verdict", "FAIL", "region", "cn-region-0");
        assertThat(stats.getPrepareStatementCount()).as("SQL statements for a filtered page").isLessThanOrEqualTo(3);
    }
    @Test
    void keepsThePageUntilAnInstanceChangesAndShowsAChangeAtOnce() throws Exception {
        SlbInstance web = save("lb-keep-web", "cn-hangzhou", "web", Status.PASS, 0, 0, 0);
        html("/");
        Statistics stats = statistics();
        stats.clear();
        String again = html("/");
        assertThat(rows(again)).containsExactly("lb-keep-web");
        assertThat(stats.getPrepareStatementCount()).as("SQL statements for an unchanged dashboard").isZero();

        // a diagnosis updates the row: the next request reads it, without waiting for the page to expire
        web.diagnosed(2, Instant.parse("2026-11-24T10:00:00Z"), Status.FAIL, 3, 0, 0);
        instances.save(web);
        save("lb-keep-api", "cn-hangzhou", "api", Status.WARN, 0, 1, 0);
        String changed = html("/");
        assertThat(rows(changed)).containsExactly("lb-keep-web", "lb-keep-api");
        assertThat(changed).contains("2026-11-24 10:00 UTC", "2 load balancers");

        instances.deleteById(web.getId());
        assertThat(rows(html("/"))).containsExactly("lb-keep-api");
    }
}
