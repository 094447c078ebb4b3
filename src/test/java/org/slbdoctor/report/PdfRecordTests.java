package org.slbdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.ArtifactRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.report.DiagnosisReport.ReportFinding;
import org.slbdoctor.slb.ApiCall;
import org.slbdoctor.slb.InstanceAttributes;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PDF record end to end: a diagnosis stored through the diagnosis service, the report built
 * from the database, rendered through the template and openhtmltopdf, and read back with PDFBox.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:pdfrecordtests;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.access-key-secret=" + PdfRecordTests.SECRET})
@AutoConfigureMockMvc
@WithMockUser(roles = "VIEWER")
class PdfRecordTests {

    static final String SECRET = "SandboxSecretMustNeverLeak0042";
    static final String NAME = "生产环境-华东 <script>alert(1)</script> </style> ]]> \u0001\u001b[31m end";
    static final String NOTES = "客户反馈：下午 3 点开始偶发 502。\n<b>bold?</b> & ]]> \u0007bell";

    @Autowired ReportService reports;
    @Autowired PdfRecordRenderer renderer;
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
        List<ApiCall> calls = new ArrayList<>(base.calls());
        // a raw response that (wrongly) carried a secret must still not reach the record
        calls.add(new ApiCall("DescribeVServerGroups", "REQ-VSG-1", 5, 1, null,
                "{\"AccessKeySecret\":\"" + SECRET + "\"}"));
        SlbSnapshot snapshot = new SlbSnapshot(base.regionId(), base.loadBalancerId(), base.collectedAt(),
                new InstanceAttributes(a.loadBalancerId(), NAME, a.status(), a.address(), a.addressType(),
                        a.networkType(), a.regionId(), a.loadBalancerSpec(), a.listenerPorts(), a.defaultServerGroup()),
                base.listeners(), base.health(), base.vServerGroups(), base.rules(), calls, base.errors());
        List<Finding> findings = new ArrayList<>(Fixtures.findings("health-check", Status.FAIL));
        findings.set(1, new Finding("icp-antiddos", Status.UNKNOWN, "Title of icp", "Not known", List.of(), "r", "1",
                List.of("observation:domainIcpFiled")));
        findings.set(7, new Finding("web-app", Status.FAIL, "Web app", "nginx timed out", List.of(
                Evidence.artifact("web-1 error.log", 12, "upstream timed out <script>alert(1)</script>")),
                "r", "7", List.of()));
        Observations obs = new Observations(List.of(502, 504), Observations.Pattern.INTERMITTENT, null, null, null,
                null, null, null, null, Map.of("all", 0, "eth0", 1), 35.0, null, null, null, null, null,
                Observations.DirectToBackendResult.ERRORS, null, NOTES);
        List<ArtifactRecord> artifacts = List.of(new ArtifactRecord(7, "nginx-error-log", "web-1 error.log",
                Instant.parse("2026-11-23T09:00:00Z"), "2 upstream timeouts",
                List.of(new ArtifactRecord.Line(12, "2026/11/23 09:59:01 [error] upstream timed out \u001b[0m"))));
        id = Fixtures.store(diagnoses, Instant.parse("2026-11-23T10:00:00Z"), snapshot, findings, obs, artifacts);
    }

    @Test
    void theRecordCarriesEverythingATicketNeeds() throws Exception {
        byte[] pdf = mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.pdf", Fixtures.LB, id))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"slb-doctor-" + Fixtures.LB + "-" + id + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();

        Files.createDirectories(Path.of("target", "pdf"));
        Files.write(Path.of("target", "pdf", "record.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Path png = save(doc, "record-page1.png"); // for a human to look at
            assertThat(Files.size(png)).isPositive();
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", " ");

            assertThat(doc.getNumberOfPages()).isBetween(3, 40);
            assertThat(text).contains(Fixtures.LB);
            Fixtures.CHECK_IDS.forEach(checkId -> assertThat(flat).contains(checkId));
            assertThat(flat).contains("listener 80/http: backend i-bp1aaa port 80 abnormal"); // an evidence line
            assertThat(flat).contains("Resolve the health check failures of the abnormal backends"); // the checklist's text
            assertThat(flat).contains("Hosts-file test straight to a backend", "35 %", "502, 504"); // observations
            assertThat(flat).contains("not done"); // the layer-4 switch test was not recorded
            assertThat(flat).contains("REQ-ATTR-1", "REQ-LIS-1", "REQ-HS-1", "REQ-VSG-1"); // every RequestId
            assertThat(flat).contains("2 upstream timeouts", "12: 2026/11/23 09:59:01 [error] upstream timed out");
            assertThat(flat).contains("2026-11-23 10:00:00 UTC", "alice");
            assertThat(flat).contains("http HEAD /health"); // health-check settings of the listener
            assertThat(flat).contains("Ticket summary");
            // no "fi" ligature glyph: a support engineer can search and copy "rp_filter"
            assertThat(flat).contains("rp_filter is disabled").doesNotContain("\uFB01", "\uFB02");

            // Chinese as text (so as glyphs of an embedded CJK font, not boxes)
            assertThat(text).contains("生产环境-华东", "客户反馈：下午 3 点开始偶发 502。");
            // hostile text shows literally; control characters are gone
            assertThat(flat).contains("<script>alert(1)</script> </style> ]]>", "<b>bold?</b> & ]]>");
            assertThat(text).doesNotContain("\u0001", "\u001b", "\u0007");
            assertThat(text).doesNotContain(SECRET);

            var info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Troubleshooting record: " + Fixtures.LB);
            assertThat(info.getAuthor()).isEqualTo("alice (SLB Doctor)");
            assertThat(info.getSubject()).contains("diagnosis " + id, Fixtures.LB, "Fail");

            var outline = doc.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            List<String> top = new ArrayList<>();
            outline.children().forEach(i -> top.add(i.getTitle()));
            assertThat(top).contains("Cover", "Summary of every check", "Findings", "SLB API calls", "Ticket summary");
            PDOutlineItem findingsItem = null;
            for (PDOutlineItem item : outline.children()) {
                if (item.getTitle().equals("Findings")) {
                    findingsItem = item;
                }
            }
            List<String> checks = new ArrayList<>();
            findingsItem.children().forEach(i -> checks.add(i.getTitle()));
            assertThat(checks).hasSize(10).anyMatch(t -> t.contains("health-check"));

            Set<String> fonts = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans")).anyMatch(f -> f.contains("DroidSansFallback"));

        }
    }

    @Test
    void theChineseRecordHasChineseLabels() throws Exception {
        byte[] pdf = mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.pdf", Fixtures.LB, id)
                        .param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("故障排查记录", "监听", "工单摘要", "失败", "未执行", "生产环境-华东");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("故障排查记录: " + Fixtures.LB);
            save(doc, "record-zh-page1.png");
        }
    }

    /**
     * The sandbox's 50 × 20 instance (the benchmark's record): the health-check lines that restate
     * the grid are counted per listener, the grid still shows all 1,000 states.
     */
    @Test
    void theLargeInstanceCountsWhatTheGridShows() throws Exception {
        String lb = "lb-bp1hzdlarge50x20g6i8k1";
        if (instances.findByLoadBalancerId(lb).isEmpty()) {
            instances.save(new SlbInstance(lb, "cn-hangzhou", Instant.now(), "admin"));
        }
        long large = diagnoses.run(lb, "admin").id();
        DiagnosisReport report = reports.build(lb, large, Locale.ENGLISH);
        ReportFinding health = report.findings().stream().filter(f -> f.checkId().equals("health-check")).findFirst()
                .orElseThrow();
        assertThat(health.evidence()).hasSize(50 + 50 * 20 * 2); // as stored: every line

        String xhtml = renderer.xhtml(report);
        assertThat(xhtml.split("class=\"health-normal\"", -1)).hasSize(50 * 20 + 1); // the grid: every state
        byte[] pdf = renderer.render(report);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (int port = 8000; port < 8050; port++) {
                assertThat(flat).contains("listener " + port + "/http: health check on",
                        "listener " + port + "/http: 20 backends in the server list, port 8080, weight 100",
                        "listener " + port + "/http: 20 backends normal, port 8080, weight 100");
            }
            assertThat(flat).contains("Σ lines count 2000 evidence lines", "the health grid");
            // each backend serves every listener: the backend table says so rather than listing 50 labels
            assertThat(flat).contains("i-bp120g6i8k10019 192.168.0.29 8080 100 all 50 listeners");
            assertThat(flat).doesNotContain("backend i-bp120g6i8k10000 (192.168.0.10) port 8080 normal, weight 100");
            assertThat(doc.getNumberOfPages()).isLessThan(20); // 45 when every line was quoted
            PDFRenderer pages = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) { // the counted evidence and the grid, for a human
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(i + 1);
                one.setEndPage(i + 1);
                String page = one.getText(doc);
                if (page.contains("Σ") || page.contains("Backends 1 to 8")) {
                    ImageIO.write(pages.renderImageWithDPI(i, 72), "png",
                            Path.of("target", "pdf", "record-large-page" + (i + 1) + ".png").toFile());
                }
            }
        }
    }

    /** Renders at the same time each borrow their own parsed fonts; later renders reuse them. */
    @Test
    void concurrentRendersEachGetWholeFonts() throws Exception {
        DiagnosisReport zh = reports.build(Fixtures.LB, id, Locale.SIMPLIFIED_CHINESE);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pdfs.add(pool.submit(() -> renderer.render(zh)));
            }
            for (var f : pdfs) {
                try (PDDocument doc = Loader.loadPDF(f.get())) {
                    assertThat(new PDFTextStripper().getText(doc)).contains("故障排查记录", "生产环境-华东",
                            "客户反馈：下午 3 点开始偶发 502。");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownDiagnosisIsAProblem() throws Exception {
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.pdf", Fixtures.LB, id + 1000))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/record.pdf", "lb-unknown", id))
                .andExpect(status().isNotFound());
    }

    @Test
    void anIncompleteCollectionShowsItsErrors() throws IOException {
        long failed = Fixtures.store(diagnoses, Instant.parse("2026-11-23T11:00:00Z"), Fixtures.healthFailed(),
                Fixtures.findings("health-check", Status.UNKNOWN), Observations.NONE, List.of());
        byte[] pdf = renderer.render(reports.build(Fixtures.LB, failed, Locale.ENGLISH));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(flat).contains("SLB API errors during collection", "ServiceUnavailable", "REQ-HS-9",
                    "try later", "incomplete: 1 of 1 calls failed", "not collected");
        }
    }

    @Test
    void xmlTextRemovesWhatXmlCannotCarry() {
        assertThat(XmlText.clean("a\u0000b\u0001c\u001bd\u007fe\u0085f\uFFFEg\uFFFFh\ud800i")).isEqualTo("abcdefghi");
        assertThat(XmlText.clean("tab\tline\nreturn\r 生产 😀")).isEqualTo("tab\tline\nreturn\r 生产 😀");
        assertThat(XmlText.clean(null)).isNull();
    }

    private static Path save(PDDocument doc, String name) throws IOException {
        Path png = Path.of("target", "pdf", name);
        Files.createDirectories(png.getParent());
        BufferedImage page1 = new PDFRenderer(doc).renderImageWithDPI(0, 96);
        ImageIO.write(page1, "png", png.toFile());
        return png;
    }
}
