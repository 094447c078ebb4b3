package org.slbdoctor.web.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.SlbSnapshot;
import org.slbdoctor.web.PageTestSupport;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The instance page: before and after a diagnosis, roles, the run action and its guard, zh-CN. */
class InstancePageTests extends PageTestSupport {

    static final String HOSTILE = "<script>alert(1)</script>\" onmouseover=\"x";
    static final String PAGE = "/instances/" + Fixtures.LB;

    @BeforeEach
    void register() {
        instances.deleteAll();
        instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-20T08:00:00Z"), "admin"));
    }

    @AfterEach
    void clean() {
        instances.deleteAll();
    }

    private long storeFailingDiagnosis(String name) {
        SlbSnapshot base = Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60), Fixtures.tcp(443));
        InstanceAttributes a = base.instance();
        SlbSnapshot snapshot = new SlbSnapshot(base.regionId(), base.loadBalancerId(), base.collectedAt(),
                new InstanceAttributes(a.loadBalancerId(), name, a.status(), a.address(), a.addressType(),
                        a.networkType(), a.regionId(), a.loadBalancerSpec(), a.listenerPorts(), a.defaultServerGroup()),
                base.listeners(), base.health(), base.vServerGroups(), base.rules(), base.calls(), base.errors());
        List<Finding> findings = new ArrayList<>(Fixtures.findings("health-check", Status.FAIL));
        findings.set(1, new Finding("icp-antiddos", Status.UNKNOWN, "Title of icp", "Not known", List.of(), "r", "1",
                List.of("observation:domainIcpFiled", "artifact:sysctl", "api:DescribeHealthStatus")));
        Observations obs = new Observations(List.of(502), null, null, null, true, null, null, null, null,
                Map.of(), null, null, null, null, null, null, null, null, "notes " + HOSTILE);
        return Fixtures.store(diagnoses, Instant.parse("2026-11-23T10:00:00Z"), snapshot, findings, obs, List.of());
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void beforeTheFirstDiagnosisOperatorsSeeTheRunButtonAndViewersDoNot() throws Exception {
        String operator = html(get(PAGE).with(user("o").roles("OPERATOR")));
        assertThat(operator).contains("data-testid=\"no-diagnosis\"", "data-testid=\"run-first-diagnosis\"",
                "action=\"/instances/" + Fixtures.LB + "/diagnoses\"", "name=\"_csrf\"",
                "href=\"/instances/" + Fixtures.LB + "/observations\"");
        assertThat(operator).doesNotContain("data-testid=\"download-pdf\"");

        String viewer = html(get(PAGE).with(user("v").roles("VIEWER")));
        assertThat(viewer).contains("data-testid=\"no-diagnosis\"", "An operator or an administrator can run")
                .doesNotContain("data-testid=\"run-diagnosis\"", "data-testid=\"run-first-diagnosis\"", "method=\"post\" class=\"run-form");
    }

    @Test
    void rendersTheLatestDiagnosisFromTheReportModel() throws Exception {
        long id = storeFailingDiagnosis("web-prod " + HOSTILE);
        String page = html(get(PAGE).with(user("o").roles("OPERATOR")));

        // header, verdict and downloads
        assertThat(page).contains("data-testid=\"instance-header\"", "47.0.0.1", "cn-hangzhou", "badge-pass\">active",
                "Diagnosis #" + id, "badge badge-lg badge-fail",
                "href=\"/api/instances/" + Fixtures.LB + "/diagnoses/" + id + "/record.pdf\"",
                "/record.md\"", "/record.json\"");
        // findings worst first, evidence tagged by source with the artifact location
        assertThat(page).containsSubsequence("data-status=\"FAIL\"", "data-check=\"health-check\"",
                "data-status=\"UNKNOWN\"", "data-check=\"icp-antiddos\"", "data-status=\"PASS\"");
        assertThat(page).contains("source-tag source-api\">SLB API", "source-tag source-artifact\">Artifact",
                "web-1 error.log:7", ">Resolution<", "Guide section 6");
        // the unknowns panel links operators to the form fields
        assertThat(page).contains("data-testid=\"unknowns\"",
                "href=\"/instances/" + Fixtures.LB + "/observations#obs-domainIcpFiled\"",
                "href=\"/instances/" + Fixtures.LB + "/artifacts#artifact-sysctl\"",
                "the SLB API call DescribeHealthStatus (it failed)", "href=\"#finding-icp-antiddos\"");
        // listeners, the health grid and the topology
        assertThat(page).contains("data-testid=\"listeners\"", ">EstablishedTimeout (s)<", ">900<", ">60<",
                "health-cell health-abnormal", "health-cell health-normal");
        assertThat(page).contains("<svg", "class=\"node node-waf topo-neutral\"", "node node-listener topo-abnormal",
                "edge edge-abnormal", "Anti-DDoS / WAF");
        // hostile text from the API and the operator is escaped everywhere, the SVG included
        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("\" onmouseover=\"x");
    }

    @Test
    void viewersSeeTheReportWithoutAnyWriteAction() throws Exception {
        storeFailingDiagnosis("web");
        String page = html(get(PAGE).with(user("v").roles("VIEWER")));
        assertThat(page).contains("data-testid=\"findings\"", "data-testid=\"download-pdf\"")
                .doesNotContain("data-testid=\"run-diagnosis\"")
                .doesNotContain("href=\"/instances/" + Fixtures.LB + "/observations#obs-domainIcpFiled\"");
    }

    @Test
    void rendersInSimplifiedChinese() throws Exception {
        storeFailingDiagnosis("生产");
        String page = html(get(PAGE).param("lang", "zh-CN").with(user("o").roles("OPERATOR")));
        assertThat(page).contains("lang=\"zh-CN\"", "运行诊断", "检查结果", "下载 PDF 记录", "拓扑", "各监听的后端健康状态",
                "DDoS 高防 / WAF");
        String empty = html(get("/instances/" + Fixtures.LB + "/diagnoses").param("lang", "zh-CN")
                .with(user("o").roles("OPERATOR")));
        assertThat(empty).contains("诊断历史");
    }

    @Test
    void aViewerCannotRunADiagnosisAndFormsNeedTheCsrfToken() throws Exception {
        mvc.perform(post(PAGE + "/diagnoses").with(csrf()).with(user("v").roles("VIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/diagnoses").with(user("o").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        verify(diagnoses, never()).run(anyString(), any());
    }

    @Test
    void anOperatorRunsADiagnosisAndIsSentBackToThePage() throws Exception {
        DiagnosisRecord record = recordOf(storeFailingDiagnosis("web"));
        doAnswer(inv -> record).when(diagnoses).run(eq(Fixtures.LB), eq("olga"));
        mvc.perform(post(PAGE + "/diagnoses").with(csrf()).with(user("olga").roles("OPERATOR")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("message", "Diagnosis #" + record.id() + " finished: FAIL."));
        verify(diagnoses, times(1)).run(Fixtures.LB, "olga");
    }

    @Test
    void unknownInstancesAre404() throws Exception {
        mvc.perform(get("/instances/lb-nope").with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
        mvc.perform(post("/instances/lb-nope/diagnoses").with(csrf()).with(user("o").roles("OPERATOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSecondSubmissionWhileARunIsInFlightDoesNotStartAnother() throws Exception {
        DiagnosisRecord record = recordOf(storeFailingDiagnosis("web"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(inv -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return record;
        }).when(diagnoses).run(eq(Fixtures.LB), any());

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(post(PAGE + "/diagnoses").with(csrf()).with(user("o").roles("OPERATOR")))
                        .andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            mvc.perform(post(PAGE + "/diagnoses").with(csrf()).with(user("o2").roles("OPERATOR")))
                    .andExpect(status().isFound())
                    .andExpect(flash().attribute("error",
                            "A diagnosis of this instance is already running; its result will appear here when it finishes."));
            String busy = html(get(PAGE).with(user("o").roles("OPERATOR")));
            assertThat(busy).contains("A diagnosis of this instance is running.")
                    .containsPattern("data-testid=\"run-diagnosis\"[^>]*disabled=\"disabled\"");
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(302);
        verify(diagnoses, times(1)).run(eq(Fixtures.LB), any());
        assertThat(html(get(PAGE).with(user("o").roles("OPERATOR")))).doesNotContain("A diagnosis of this instance is running.");
    }

    @Test
    void aFinishedDiagnosisIsBuiltOnceThenServedFromTheCache() throws Exception {
        storeFailingDiagnosis("web");
        html(get(PAGE).with(user("v").roles("VIEWER")));
        var stats = statistics();
        stats.clear();
        html(get(PAGE).with(user("v").roles("VIEWER")));
        assertThat(stats.getPrepareStatementCount()).as("a kept page reads nothing until the instance changes").isZero();
    }

    private DiagnosisRecord recordOf(long id) {
        return diagnoses.get(Fixtures.LB, id);
    }
}
