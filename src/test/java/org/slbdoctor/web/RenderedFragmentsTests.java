package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The cache of rendered fragments behind the instance page and the dashboard: a hit renders nothing,
 * and what the fragment shows never depends on who filled the cache (roles, language) or on stale data.
 */
class RenderedFragmentsTests extends PageTestSupport {

    static final String PAGE = "/instances/" + Fixtures.LB;

    @Autowired
    RenderedFragments fragments;

    @BeforeEach
    @AfterEach
    void clean() {
        instances.deleteAll();
        fragments.clear();
    }

    private long registerWithDiagnosis(Status status, Instant at) {
        return registerWithDiagnosis(status, at, true);
    }

    private long registerWithDiagnosis(Status status, Instant at, boolean icpUnknown) {
        if (instances.findByLoadBalancerId(Fixtures.LB).isEmpty()) {
            instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-20T08:00:00Z"), "admin"));
        }
        SlbSnapshot snapshot = Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60));
        List<Finding> findings = new ArrayList<>(Fixtures.findings("health-check", status));
        if (icpUnknown) {
            findings.set(1, new Finding("icp-antiddos", Status.UNKNOWN, "Title of icp", "Not known", List.of(), "r", "1",
                    List.of("observation:domainIcpFiled")));
        }
        return Fixtures.store(diagnoses, at, snapshot, findings, null, List.of());
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theSecondViewOfAReportRendersNothingAndReadsNothing() throws Exception {
        long id = registerWithDiagnosis(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        String first = html(get(PAGE).with(user("o").roles("OPERATOR")));
        long renders = fragments.renders();

        statistics().clear();
        String second = html(get(PAGE).with(user("o").roles("OPERATOR")));

        assertThat(fragments.renders()).isEqualTo(renders);
        // the whole page is kept (PageCache) until the instance changes: not even its row is read
        assertThat(statistics().getPrepareStatementCount()).isZero();
        // the pages differ only by the CSRF token of the run and log-out forms (masked anew for every request)
        assertThat(report(second)).isEqualTo(report(first)).contains("Diagnosis #" + id, "data-testid=\"findings\"");
    }

    /** The page from the verdict card on: the cached report fragment. */
    private static String report(String page) {
        return page.substring(page.indexOf("data-testid=\"verdict\""), page.indexOf("</main>"));
    }

    @Test
    void whatAFragmentShowsDependsOnTheUsersRolesNotOnWhoFilledTheCache() throws Exception {
        registerWithDiagnosis(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        String link = "href=\"/instances/" + Fixtures.LB + "/observations#obs-domainIcpFiled\"";

        assertThat(html(get(PAGE).with(user("v").roles("VIEWER")))).doesNotContain(link).contains("data-testid=\"unknowns\"");
        assertThat(html(get(PAGE).with(user("o").roles("OPERATOR")))).contains(link);
        assertThat(html(get(PAGE).with(user("v2").roles("VIEWER")))).doesNotContain(link);
    }

    @Test
    void eachLanguageHasItsOwnEntry() throws Exception {
        registerWithDiagnosis(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(html(get(PAGE).param("lang", "en").with(user("o").roles("OPERATOR")))).contains("Topology");
        assertThat(html(get(PAGE).param("lang", "zh-CN").with(user("o").roles("OPERATOR")))).contains("拓扑")
                .doesNotContain(">Topology<");
        assertThat(html(get(PAGE).param("lang", "en").with(user("o").roles("OPERATOR")))).doesNotContain("拓扑");
    }

    @Test
    void aNewDiagnosisShowsOnTheDashboardAndTheInstancePageAtOnce() throws Exception {
        long first = registerWithDiagnosis(Status.PASS, Instant.parse("2026-11-23T10:00:00Z"), false);
        assertThat(html(get("/").with(user("v").roles("VIEWER")))).contains("badge badge-pass");
        assertThat(html(get(PAGE).with(user("v").roles("VIEWER")))).contains("Diagnosis #" + first);

        long second = registerWithDiagnosis(Status.FAIL, Instant.parse("2026-11-23T11:00:00Z"), false);
        assertThat(html(get("/").with(user("v").roles("VIEWER")))).contains("badge badge-fail", "2026-11-23 11:00 UTC")
                .doesNotContain("badge badge-pass");
        assertThat(html(get(PAGE).with(user("v").roles("VIEWER")))).contains("Diagnosis #" + second)
                .doesNotContain("Diagnosis #" + first + "<");
    }

    @Test
    void refusesToKeepAFragmentThatCarriesACsrfToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-token-of-one-session");
        request.setAttribute(CsrfToken.class.getName(), token);
        request.setAttribute("_csrf", token);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        try {
            assertThat(fragments.html("test/csrf-form :: plain(text=${text})", "k", () -> Map.of("text", "<b>hi</b>")))
                    .isEqualTo("<p>&lt;b&gt;hi&lt;/b&gt;</p>");
            assertThatThrownBy(() -> fragments.html("test/csrf-form :: form", "k", Map::of))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CSRF");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
