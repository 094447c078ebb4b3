package org.slbdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.SharedApplicationTest;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.ArtifactRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.slb.ApiCall;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SharedApplicationTest
@WithMockUser(roles = "VIEWER")
class ReportTests {

    static final String HOSTILE = "<script>alert(1)</script> | `rm -rf` *x* [a](b)";

    @Autowired ReportService reports;
    @Autowired DiagnosisService diagnoses;
    @Autowired SlbInstanceRepository instances;
    @Autowired MockMvc mvc;

    long id;

    @BeforeEach
    void storeADiagnosis() {
        instances.findByLoadBalancerId(Fixtures.LB).ifPresent(instances::delete);
        instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.now(), "admin"));
        SlbSnapshot base = Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60), Fixtures.tcp(443));
        InstanceAttributes a = base.instance();
        SlbSnapshot snapshot = new SlbSnapshot(base.regionId(), base.loadBalancerId(), base.collectedAt(),
                new InstanceAttributes(a.loadBalancerId(), HOSTILE + " 生产", a.status(), a.address(), a.addressType(),
                        a.networkType(), a.regionId(), a.loadBalancerSpec(), a.listenerPorts(), a.defaultServerGroup()),
                base.listeners(), base.health(), base.vServerGroups(), base.rules(), base.calls(), base.errors());
        List<Finding> findings = new ArrayList<>(Fixtures.findings("health-check", Status.FAIL));
        findings.set(1, new Finding("icp-antiddos", Status.UNKNOWN, "Title of icp", "Not known", List.of(), "r", "1",
                List.of("observation:domainIcpFiled", "observation:behindAntiDdosOrWaf")));
        findings.set(7, new Finding("web-app", Status.FAIL, "Web app", "nginx timed out", List.of(
                Evidence.artifact("web-1 | error.log", 12, "upstream timed out (110: Connection timed out) " + HOSTILE)),
                "r", "7", List.of()));
        Observations obs = new Observations(List.of(502, 504), Observations.Pattern.INTERMITTENT, null, null, null,
                null, null, null, null, Map.of("all", 0, "eth0", 1), 35.0, null, null, null, null, null,
                Observations.DirectToBackendResult.ERRORS, null, "# not a heading\n- not a list\n" + HOSTILE);
        List<ArtifactRecord> artifacts = List.of(new ArtifactRecord(7, "nginx-error-log", "web-1 | error.log",
                Instant.parse("2026-11-23T09:00:00Z"), "2 upstream timeouts",
                List.of(new ArtifactRecord.Line(12, "upstream timed out ``` " + HOSTILE))));
        id = Fixtures.store(diagnoses, Instant.parse("2026-11-23T10:00:00Z"), snapshot, findings, obs, artifacts);
    }

    @Test
    void theModelCarriesEverythingARecordShows() {
        DiagnosisReport r = reports.build(Fixtures.LB, id, Locale.ENGLISH);

        assertThat(r.instance().name()).isEqualTo(HOSTILE + " 生产"); // data, never pre-escaped
        assertThat(r.instance().address()).isEqualTo("47.0.0.1");
        assertThat(r.meta().verdict()).isEqualTo(Status.FAIL);
        assertThat(r.meta().verdictCss()).isEqualTo("status-fail");
        assertThat(r.meta().createdAtText()).isEqualTo("2026-11-23 10:00:00 UTC");
        assertThat(r.meta().createdBy()).isEqualTo("alice");
        assertThat(r.meta().appVersion()).isNotBlank();
        assertThat(r.meta().failCount()).isEqualTo(2);
        assertThat(r.findings()).extracting(DiagnosisReport.ReportFinding::checkId)
                .containsExactlyElementsOf(Fixtures.CHECK_IDS);
        assertThat(r.findingGroups()).extracting(DiagnosisReport.FindingGroup::status)
                .containsExactly(Status.FAIL, Status.UNKNOWN, Status.PASS);
        var web = r.findings().get(7);
        assertThat(web.evidence().get(0).location()).isEqualTo("web-1 | error.log:12");
        assertThat(web.evidence().get(0).sourceLabel()).isEqualTo("Artifact");
        assertThat(web.guideSectionLabel()).isEqualTo("Guide section 7");
        assertThat(r.missingInputs()).extracting(DiagnosisReport.MissingInput::anchor)
                .containsExactly("obs-domainIcpFiled", "obs-behindAntiDdosOrWaf");
        assertThat(r.missingInputs().get(0).label()).isEqualTo("Domain has an ICP filing");

        assertThat(r.listeners()).extracting(DiagnosisReport.ListenerRow::label).containsExactly("80/http", "443/tcp");
        var http = r.listeners().get(0);
        assertThat(http.healthCheckText()).isEqualTo("on");
        assertThat(http.healthCheckSettings()).contains("http HEAD /health", "every 2 s", "timeout 5 s",
                "healthy 3 / unhealthy 3");
        assertThat(http.requestTimeout()).isEqualTo(60);
        assertThat(http.idleTimeout()).isEqualTo(15);
        assertThat(r.listeners().get(1).establishedTimeout()).isEqualTo(900);
        assertThat(r.backends()).extracting(DiagnosisReport.BackendRow::serverId).containsExactly("i-bp1aaa", "i-bp1bbb");
        assertThat(r.healthGrid().known()).isTrue();
        assertThat(r.healthGrid().rows().get(0).cells()).extracting(DiagnosisReport.HealthCell::css)
                .containsExactly("health-abnormal", "health-normal");

        var byField = r.observations().stream().collect(java.util.stream.Collectors.toMap(
                DiagnosisReport.ObservationRow::field, o -> o));
        assertThat(byField.get("observedStatusCodes").value()).isEqualTo("502, 504");
        assertThat(byField.get("backendCpuPercent").value()).isEqualTo("35 %");
        assertThat(byField.get("rpFilter").value()).isEqualTo("net.ipv4.conf.all.rp_filter = 0, net.ipv4.conf.eth0.rp_filter = 1");
        assertThat(byField.get("domainIcpFiled").known()).isFalse();
        assertThat(byField.get("domainIcpFiled").value()).isEqualTo("not known");
        assertThat(r.notes()).contains(HOSTILE);

        assertThat(r.troubleshootingSteps()).hasSize(9);
        var hosts = r.troubleshootingSteps().get(4);
        assertThat(hosts.done()).isTrue();
        assertThat(hosts.result()).contains("Hosts-file test straight to a backend: errors");
        var layer4 = r.troubleshootingSteps().get(5);
        assertThat(layer4.done()).isFalse();
        assertThat(layer4.result()).isEqualTo("not done");
        var slbStatus = r.troubleshootingSteps().get(3);
        assertThat(slbStatus.done()).isTrue();
        assertThat(slbStatus.status()).isEqualTo(Status.FAIL);
        assertThat(r.troubleshootingSteps().get(7).results()).anyMatch(s -> s.contains("2 upstream timeouts"));
        assertThat(r.troubleshootingSteps().get(8).result()).contains("eth0.rp_filter = 1");

        assertThat(r.artifacts()).singleElement().satisfies(a -> assertThat(a.excerpt().get(0).lineNumber()).isEqualTo(12));
        assertThat(r.apiCalls()).extracting(DiagnosisReport.ApiCallRow::requestId)
                .containsExactly("REQ-ATTR-1", "REQ-LIS-1", "REQ-HS-1");
        assertThat(r.apiCalls().get(2).attempts()).isEqualTo(2);
        assertThat(r.ticketSummary()).contains(Fixtures.LB, "Fail", "health-check", "web-app",
                "listener 80/http: backend i-bp1aaa port 80 abnormal", "Hosts-file test straight to a backend: errors",
                "REQ-HS-1", "6");
        assertThat(r.label("section.listeners")).isEqualTo("Listeners");
    }

    @Test
    void chineseReportHasChineseLabelsAndCheckTitles() {
        DiagnosisReport r = reports.build(Fixtures.LB, id, Locale.SIMPLIFIED_CHINESE);
        assertThat(r.label("section.listeners")).isEqualTo("监听");
        assertThat(r.meta().verdictLabel()).isEqualTo("失败");
        assertThat(r.troubleshootingSteps().get(5).result()).isEqualTo("未执行");
        // titles come from the checks' metadata in the report's language
        assertThat(r.findings().get(6).title()).isNotEqualTo("Title of health-check").containsPattern("\\p{IsHan}");
    }

    @Test
    void markdownEscapesHostileText() throws Exception {
        String md = mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.md", Fixtures.LB, id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        // outside code fences (where Markdown shows text verbatim) no raw HTML survives
        String outsideFences = md.replaceAll("(?s)````text\n.*?\n````\n", "");
        assertThat(outsideFences).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(md).contains("\\| \\`rm -rf\\` \\*x\\* \\[a\\](b) 生产");
        assertThat(md).contains("web-1 \\| error.log:12");
        assertThat(md).contains("\\# not a heading").contains("\\- not a list");
        // the excerpt fence is longer than the backtick run inside it
        assertThat(md).contains("````text\n12: upstream timed out ``` ");
        // every table row of the listeners table has the header's column count
        String listeners = md.substring(md.indexOf("## Listeners"), md.indexOf("## Backend servers"));
        listeners.lines().filter(l -> l.startsWith("|")).forEach(l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8));
        String summary = md.substring(md.indexOf("## Summary of every check"), md.indexOf("## Findings"));
        assertThat(summary.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(12); // head, rule, ten checks
    }

    @Test
    void jsonRecordIsTheModel() throws Exception {
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.json", Fixtures.LB, id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instance.name").value(HOSTILE + " 生产"))
                .andExpect(jsonPath("$.meta.verdict").value("FAIL"))
                .andExpect(jsonPath("$.findings.length()").value(10))
                .andExpect(jsonPath("$.troubleshootingSteps.length()").value(9))
                .andExpect(jsonPath("$.apiCalls[0].requestId").value("REQ-ATTR-1"));
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.md", Fixtures.LB, id + 1000))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.json", "lb-unknown", id))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFailedCallLeavesGapsThatSayWhy() {
        long failed = Fixtures.store(diagnoses, Instant.parse("2026-11-23T11:00:00Z"), Fixtures.healthFailed(),
                Fixtures.findings("health-check", Status.UNKNOWN), Observations.NONE, List.of());
        DiagnosisReport r = reports.build(Fixtures.LB, failed, Locale.ENGLISH);
        assertThat(r.meta().complete()).isFalse();
        assertThat(r.meta().collectionText()).isEqualTo("incomplete: 1 of 1 calls failed");
        assertThat(r.healthGrid().known()).isFalse();
        assertThat(r.healthGrid().rows().get(0).cells()).extracting(DiagnosisReport.HealthCell::state)
                .containsExactly("unknown", "unknown");
        assertThat(r.collectionErrors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("ServiceUnavailable"));
        assertThat(r.missingInputs()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("api");
            assertThat(m.label()).isEqualTo("the SLB API call DescribeHealthStatus (it failed)");
        });
        assertThat(r.ticketSummary()).contains("DescribeHealthStatus ServiceUnavailable (REQ-HS-9)");
        assertThat(r.apiCalls()).singleElement().satisfies(c -> assertThat(c.succeeded()).isFalse());
    }
}
