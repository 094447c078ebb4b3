package org.slbdoctor.artifact.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;
import org.slbdoctor.artifact.LogSignatureStats;

class NginxErrorLogAnalyzerTests {

    private final NginxErrorLogAnalyzer analyzer = new NginxErrorLogAnalyzer();

    @Test
    void findsEverySignatureWithCountsLinesAndTimestamps() {
        NginxErrorLogFacts f = analyzer.analyze(Fixtures.read("nginx/error.log"));
        assertThat(f.lines()).isEqualTo(14);
        LogSignatureStats reset = f.stats(NginxErrorSignature.UPSTREAM_RESET_READING_HEADER);
        assertThat(reset.count()).isEqualTo(2);
        assertThat(reset.firstLine().lineNumber()).isEqualTo(2);
        assertThat(reset.firstLine().text()).contains("*251777 recv() failed (104: Connection reset by peer)");
        assertThat(reset.lastLine().lineNumber()).isEqualTo(12);
        assertThat(reset.firstTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 0, 0));
        assertThat(reset.lastTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 4, 0));
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_READ_TIMEOUT).count()).isEqualTo(1);
        // TCP and unix-socket forms of 111
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_CONNECTION_REFUSED).count()).isEqualTo(2);
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_SOCKET_MISSING).firstLine().lineNumber()).isEqualTo(5);
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_BACKLOG_FULL).count()).isEqualTo(1);
        // musl wording of 110
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_CONNECT_TIMEOUT).firstLine().text()).contains("Operation timed out");
        assertThat(f.has(NginxErrorSignature.UPSTREAM_PREMATURELY_CLOSED)).isTrue();
        assertThat(f.has(NginxErrorSignature.NO_LIVE_UPSTREAMS)).isTrue();
        assertThat(f.stats(NginxErrorSignature.UPSTREAM_SENT_TOO_BIG_HEADER).firstLine().lineNumber()).isEqualTo(11);
        assertThat(f.webAppSignatures()).doesNotContainKey(NginxErrorSignature.UPSTREAM_SENT_TOO_BIG_HEADER)
                .hasSize(8);
        // open() (2: ...) of a static file and (113: No route to host) are not signatures
        assertThat(f.signatures().values().stream().mapToLong(LogSignatureStats::count).sum()).isEqualTo(11);
        assertThat(f.summary()).contains("2× (104: connection reset) while reading response header from upstream (first at line 2)");
    }

    @Test
    void theGuidesExampleLineWithoutTimestamp() {
        NginxErrorLogFacts f = analyzer.analyze("[error] 1760#0: *251777 recv() failed (104: Connection reset by peer) "
                + "while reading response header from upstream, client: xxx.xxx.xxx.xxx, server: localhost, request: "
                + "“GET /timeoutmore.php HTTP/1.1”, upstream: “fastcgi://127.0.0.1:9000”");
        LogSignatureStats s = f.stats(NginxErrorSignature.UPSTREAM_RESET_READING_HEADER);
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.firstTimestamp()).isNull();
    }

    @Test
    void errnoAndPhaseMustBeOnTheSameLineAndMatchEachOther() {
        NginxErrorLogFacts f = analyzer.analyze("""
                2026/11/23 10:00:00 [error] 1#0: *1 connect() failed (111: Connection refused)
                while connecting to upstream, client: 1.2.3.4
                2026/11/23 10:00:01 [error] 1#0: *2 recv() failed (104: Connection reset by peer) while connecting to upstream
                2026/11/23 10:00:02 [error] 1#0: *3 readv() failed (104: Connection reset by peer) while reading upstream
                2026/11/23 10:00:03 [error] 1#0: *4 connect() failed (111: Connection refused) while reading response header from upstream
                """);
        assertThat(f.signatures()).isEmpty();
    }

    @Test
    void crlfEmptyHugeAndInvalidBytes() {
        assertThat(analyzer.analyze("").signatures()).isEmpty();
        NginxErrorLogFacts f = analyzer.analyze("x".repeat(100_000) + "\r\n"
                + "2026/11/23 10:00:00 [error] 9#9: *1 no live upstreams while connecting to upstream, client: \uFFFD\r\n");
        LogSignatureStats s = f.stats(NginxErrorSignature.NO_LIVE_UPSTREAMS);
        assertThat(s.firstLine().lineNumber()).isEqualTo(2);
        assertThat(s.firstLine().text()).endsWith("client: \uFFFD");
    }
}
