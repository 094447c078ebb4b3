package org.slbdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Evidence;
import org.slbdoctor.checklist.EvidenceSource;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.TestSnapshots;
import org.slbdoctor.checklist.checks.HealthCheckCheck;
import org.slbdoctor.report.DiagnosisReport.EvidenceLine;
import org.slbdoctor.report.PdfEvidence.Digest;
import org.slbdoctor.report.PdfEvidence.Entry;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The PDF counts the health-check lines that restate the health grid, and quotes every other line:
 * fed with the real {@link HealthCheckCheck}'s evidence, so a change of its wording shows here.
 */
class PdfEvidenceTests {

    private static final String[] IDS = {"i-bp1a0", "i-bp1a1", "i-bp1a2", "i-bp1a3", "i-bp1a4", "i-bp1a5"};

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    PdfEvidenceTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** 3 listeners × 6 backends; backends 4 and 5 have weight 50; the given backend is abnormal on 8001. */
    private static TestSnapshots instance(String abnormalOn8001) {
        TestSnapshots s = TestSnapshots.instance().listener(http(8000)).listener(http(8001)).listener(http(8002));
        for (int i = 0; i < IDS.length; i++) {
            s.backend(IDS[i], "192.168.0." + (10 + i), i >= 4 ? 50 : 100);
        }
        for (int port : new int[] {8000, 8001, 8002}) {
            for (int i = 0; i < IDS.length; i++) {
                String state = port == 8001 && IDS[i].equals(abnormalOn8001) ? "abnormal" : "normal";
                s.health(port, "http", IDS[i], "192.168.0." + (10 + i), port, state);
            }
        }
        return s;
    }

    private Digest digest(TestSnapshots instance, Locale locale) {
        SlbSnapshot snapshot = instance.build();
        Finding finding = new HealthCheckCheck().evaluate(instance.bare());
        SlbTables tables = new SlbTables(snapshot, (key, args) -> messages.getMessage(key, args, locale));
        List<EvidenceLine> lines = finding.evidence().stream().map(PdfEvidenceTests::line).toList();
        return PdfEvidence.digest(lines, new PdfEvidence.Grid(tables.backends(), tables.healthGrid()),
                (key, args) -> messages.getMessage(key, args, locale));
    }

    private static EvidenceLine line(Evidence e) {
        return new EvidenceLine(e.source(), "SLB API", "source-api", e.text(), null, null, null);
    }

    private static List<String> texts(Digest d) {
        return d.entries().stream().map(Entry::text).toList();
    }

    @Test
    void linesRestatingTheGridAreCountedPerListener() {
        Digest d = digest(instance("none"), Locale.ENGLISH);

        // per listener: the health-check line, then the server list and the health, each counted
        assertThat(texts(d)).containsExactly(
                "listener 8000/http: health check on (http, URI /health)",
                "listener 8000/http: 4 backends in the server list, port 8000, weight 100",
                "listener 8000/http: 2 backends in the server list, port 8000, weight 50: i-bp1a4, i-bp1a5",
                "listener 8000/http: 4 backends normal, port 8000, weight 100",
                "listener 8000/http: 2 backends normal, port 8000, weight 50: i-bp1a4, i-bp1a5",
                "listener 8001/http: health check on (http, URI /health)",
                "listener 8001/http: 4 backends in the server list, port 8001, weight 100",
                "listener 8001/http: 2 backends in the server list, port 8001, weight 50: i-bp1a4, i-bp1a5",
                "listener 8001/http: 4 backends normal, port 8001, weight 100",
                "listener 8001/http: 2 backends normal, port 8001, weight 50: i-bp1a4, i-bp1a5",
                "listener 8002/http: health check on (http, URI /health)",
                "listener 8002/http: 4 backends in the server list, port 8002, weight 100",
                "listener 8002/http: 2 backends in the server list, port 8002, weight 50: i-bp1a4, i-bp1a5",
                "listener 8002/http: 4 backends normal, port 8002, weight 100",
                "listener 8002/http: 2 backends normal, port 8002, weight 50: i-bp1a4, i-bp1a5");
        assertThat(d.counted()).isEqualTo(3 * 6 * 2);
        assertThat(d.entries()).filteredOn(Entry::summary).hasSize(12)
                .allMatch(e -> e.sourceLabel().equals("SLB API"));
        assertThat(d.entries()).filteredOn(e -> !e.summary()).hasSize(3);
    }

    @Test
    void anAbnormalBackendIsQuotedVerbatimInItsPlace() {
        Digest d = digest(instance("i-bp1a2"), Locale.ENGLISH);

        List<String> texts = texts(d);
        assertThat(texts).contains("listener 8001/http: backend i-bp1a2 (192.168.0.12) port 8001 abnormal, weight 100",
                "listener 8001/http: 3 backends normal, port 8001, weight 100",
                // its server-list line restates a cell the grid shows as attached (abnormal): counted
                "listener 8001/http: 4 backends in the server list, port 8001, weight 100",
                "listener 8000/http: 4 backends normal, port 8000, weight 100");
        int abnormal = texts.indexOf("listener 8001/http: backend i-bp1a2 (192.168.0.12) port 8001 abnormal, weight 100");
        assertThat(texts.get(abnormal - 1)).isEqualTo("listener 8001/http: 3 backends normal, port 8001, weight 100");
        assertThat(d.entries().get(abnormal).summary()).isFalse();
        assertThat(d.counted()).isEqualTo(3 * 6 * 2 - 1);
    }

    @Test
    void weightZeroAndLinesTheGridDoesNotShowAreQuoted() {
        TestSnapshots s = TestSnapshots.instance().listener(http(80))
                .backend("i-a", "192.168.0.11", 100).backend("i-b", "192.168.0.12", 100)
                .backend("i-drained", "192.168.0.13", 0)
                .health(80, "http", "i-a", "192.168.0.11", 80, "normal")
                .health(80, "http", "i-b", "192.168.0.12", 80, "normal")
                .health(80, "http", "i-drained", "192.168.0.13", 80, "normal");
        SlbSnapshot snapshot = s.build();
        Finding finding = new HealthCheckCheck().evaluate(s.bare());
        SlbTables tables = new SlbTables(snapshot, (key, args) -> messages.getMessage(key, args, Locale.ENGLISH));
        List<EvidenceLine> lines = new java.util.ArrayList<>(finding.evidence().stream().map(PdfEvidenceTests::line).toList());
        // a line naming another IP than the backend table, and one from an artifact: quoted
        lines.add(new EvidenceLine(EvidenceSource.API, "SLB API", "source-api",
                "listener 80/http: backend i-a (10.0.0.99) port 80 normal, weight 100", null, null, null));
        lines.add(new EvidenceLine(EvidenceSource.ARTIFACT, "Artifact", "source-artifact",
                "listener 80/http: backend i-b (192.168.0.12) port 80 normal, weight 100", "x.log", 3, "x.log:3"));
        Digest d = PdfEvidence.digest(lines, new PdfEvidence.Grid(tables.backends(), tables.healthGrid()),
                (key, args) -> messages.getMessage(key, args, Locale.ENGLISH));

        assertThat(texts(d)).contains("listener 80/http: backend i-drained (192.168.0.13) port 80 weight 0",
                "listener 80/http: backend i-drained (192.168.0.13) port 80 normal (weight 0: receives no traffic)",
                "listener 80/http: 2 backends in the server list, port 80, weight 100",
                "listener 80/http: 2 backends normal, port 80, weight 100",
                "listener 80/http: backend i-a (10.0.0.99) port 80 normal, weight 100",
                "listener 80/http: backend i-b (192.168.0.12) port 80 normal, weight 100");
        assertThat(d.entries()).filteredOn(e -> "x.log:3".equals(e.location())).singleElement()
                .matches(e -> !e.summary());
        assertThat(d.counted()).isEqualTo(4);
    }

    @Test
    void aSingleLineIsQuotedAndOtherFindingsAreUntouched() {
        TestSnapshots s = TestSnapshots.instance().listener(http(80)).backend("i-a", "192.168.0.11", 100)
                .health(80, "http", "i-a", "192.168.0.11", 80, "normal");
        Digest d = digest(s, Locale.ENGLISH);
        assertThat(texts(d)).containsExactly("listener 80/http: health check on (http, URI /health)",
                "listener 80/http: backend i-a (192.168.0.11) port 80 weight 100",
                "listener 80/http: backend i-a (192.168.0.11) port 80 normal, weight 100");
        assertThat(d.counted()).isZero();
        assertThat(d.entries()).noneMatch(Entry::summary);
    }

    @Test
    void theCountsReadInChinese() {
        Digest d = digest(instance("none"), Locale.SIMPLIFIED_CHINESE);
        assertThat(texts(d)).contains("监听 8000/http：4 台后端服务器健康状态正常，端口 8000，权重 100",
                "监听 8000/http：服务器列表中有 4 台后端服务器，端口 8000，权重 100",
                "监听 8000/http：2 台后端服务器健康状态正常，端口 8000，权重 50：i-bp1a4, i-bp1a5");
        assertThat(messages.getMessage("report.pdf.evidence.counted", new Object[] {"36"}, Locale.SIMPLIFIED_CHINESE))
                .contains("36", "Σ");
    }
}
