package org.slbdoctor.artifact.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;
import org.slbdoctor.artifact.accesslog.SlbAccessLogFacts.Format;

class SlbAccessLogAnalyzerTests {

    private final SlbAccessLogAnalyzer analyzer = new SlbAccessLogAnalyzer();

    @Test
    void jsonLines() {
        SlbAccessLogFacts f = analyzer.analyze(Fixtures.read("accesslog/access.jsonl"));
        assertThat(f.format()).isEqualTo(Format.JSON);
        assertThat(f.lines()).isEqualTo(8);
        assertThat(f.records()).isEqualTo(6);
        assertThat(f.malformedLines()).isEqualTo(1);
        assertThat(f.firstMalformedLine().lineNumber()).isEqualTo(5);
        assertThat(f.statusCounts()).containsEntry(new StatusPair("200", "200"), 2L)
                .containsEntry(new StatusPair("504", "-"), 1L).containsEntry(new StatusPair("502", "502"), 1L)
                .containsEntry(new StatusPair("502", "-"), 1L).containsEntry(new StatusPair("499", "-"), 1L);
        assertThat(f.serverErrors()).isEqualTo(3);
        assertThat(f.countStatus("502")).isEqualTo(2);
        assertThat(f.serverErrorsByUpstreamAddr()).containsEntry("192.168.0.11:80", 1L)
                .containsEntry("192.168.0.12:80", 1L).containsEntry("-", 1L);
        assertThat(f.serverErrorsByListener()).containsEntry("80", 1L).containsEntry("443", 2L);
        assertThat(f.clientIps().get("47.98.1.20").count()).isEqualTo(3);
        assertThat(f.clientIps().get("47.98.1.20").firstLine().lineNumber()).isEqualTo(1);
        assertThat(f.clientIpsCapped()).isFalse();
        List<ClientIpStats> loop = f.requestsFrom(List.of("192.168.0.11", "192.168.0.12"));
        assertThat(loop).singleElement().satisfies(s -> {
            assertThat(s.clientIp()).isEqualTo("192.168.0.12");
            assertThat(s.firstLine().lineNumber()).isEqualTo(3);
            assertThat(s.firstLine().text()).contains("\"client_ip\":\"192.168.0.12\"");
        });
        RequestTimeStats l80 = f.requestTimesByListener().get("80");
        assertThat(l80.count()).isEqualTo(3); // "-" is not a time
        assertThat(l80.maxSeconds()).isEqualTo(60.001);
        assertThat(l80.slowest().lineNumber()).isEqualTo(2);
        assertThat(l80.countAtLeast(60)).isEqualTo(1);
        assertThat(l80.countAtLeast(30)).isEqualTo(2);
        assertThat(l80.countAtLeast(61)).isZero();
        assertThat(l80.firstAtLeast(30).lineNumber()).isEqualTo(2);
        assertThat(f.requestTimesByListener().get("443").countAtLeast(12)).isEqualTo(1);
        assertThat(f.firstTime()).isEqualTo("2026-11-23T10:00:00+08:00");
        assertThat(f.lastTime()).isEqualTo("2026-11-23T10:00:09+08:00");
        assertThat(f.summary()).contains("6 requests (json), 3 5xx");
    }

    @Test
    void csvWithHeaderAndQuotes() {
        SlbAccessLogFacts f = analyzer.analyze(Fixtures.read("accesslog/access.csv"));
        assertThat(f.format()).isEqualTo(Format.CSV);
        assertThat(f.records()).isEqualTo(3);
        assertThat(f.malformedLines()).isEqualTo(1);
        assertThat(f.firstMalformedLine().lineNumber()).isEqualTo(5);
        assertThat(f.statusCounts()).containsEntry(new StatusPair("504", "-"), 1L)
                .containsEntry(new StatusPair("502", "502"), 1L);
        assertThat(f.requestsFrom(List.of("192.168.0.11"))).singleElement()
                .satisfies(s -> assertThat(s.firstLine().lineNumber()).isEqualTo(3));
        assertThat(f.requestTimesByListener().get("80").countAtLeast(60)).isEqualTo(1);
        assertThat(f.serverErrorsByUpstreamAddr()).containsEntry("192.168.0.11:80", 1L);
    }

    @Test
    void tabSeparatedCrlfAndBom() {
        SlbAccessLogFacts f = analyzer.analyze("\uFEFFclient_ip\tstatus\tupstream_status\tslb_vport\r\n"
                + "10.0.0.1\t502\t\t80\r\n10.0.0.1\t200\t200\t80\r\n");
        assertThat(f.format()).isEqualTo(Format.CSV);
        assertThat(f.statusCounts()).containsEntry(new StatusPair("502", "-"), 1L);
        assertThat(f.clientIps().get("10.0.0.1").count()).isEqualTo(2);
    }

    @Test
    void emptyUnknownAndMalformed() {
        assertThat(analyzer.analyze("").format()).isEqualTo(Format.EMPTY);
        assertThat(analyzer.analyze("\n\n").records()).isZero();
        SlbAccessLogFacts unknown = analyzer.analyze("hello world\nfoo\n");
        assertThat(unknown.format()).isEqualTo(Format.UNKNOWN);
        assertThat(unknown.malformedLines()).isEqualTo(2);
        SlbAccessLogFacts bad = analyzer.analyze("""
                {"status":"200","client_ip":"1.1.1.1"}
                {"status":"200"
                {"client_ip":"1.1.1.1"}
                {"status":"200"} trailing
                [{"status":"500","client_ip":"2.2.2.2"},
                {"status":"503"}]
                {"status": nope}
                """);
        assertThat(bad.records()).isEqualTo(3);
        assertThat(bad.malformedLines()).isEqualTo(4);
    }

    @Test
    void hugeLinesAreCutAndDistinctClientIpsAreCapped() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"status\":\"200\",\"client_ip\":\"1.1.1.1\",\"pad\":\"").append("x".repeat(50_000)).append("\"}\n");
        for (int i = 0; i < SlbAccessLogAnalyzer.MAX_CLIENT_IPS + 10; i++) {
            sb.append("{\"status\":\"200\",\"client_ip\":\"10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255)
                    .append('.').append(i & 255).append("\"}\n");
        }
        SlbAccessLogFacts f = analyzer.analyze(sb.toString());
        assertThat(f.malformedLines()).isEqualTo(1); // the cut line is not a whole object any more
        assertThat(f.firstMalformedLine().text()).hasSizeLessThanOrEqualTo(2049);
        assertThat(f.clientIps()).hasSize(SlbAccessLogAnalyzer.MAX_CLIENT_IPS);
        assertThat(f.clientIpsCapped()).isTrue();
        assertThat(f.records()).isEqualTo(SlbAccessLogAnalyzer.MAX_CLIENT_IPS + 10);
    }
}
