package org.slbdoctor.artifact.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;

class NginxConfAnalyzerTests {

    private final NginxConfAnalyzer analyzer = new NginxConfAnalyzer();

    @Test
    void timeUnits() {
        assertThat(NginxUnits.seconds("90")).isEqualTo(90.0);
        assertThat(NginxUnits.seconds("60s")).isEqualTo(60.0);
        assertThat(NginxUnits.seconds("1m")).isEqualTo(60.0);
        assertThat(NginxUnits.seconds("1h")).isEqualTo(3600.0);
        assertThat(NginxUnits.seconds("500ms")).isEqualTo(0.5);
        assertThat(NginxUnits.seconds("1m30s")).isEqualTo(90.0);
        assertThat(NginxUnits.seconds("1d")).isEqualTo(86400.0);
        assertThat(NginxUnits.seconds("1h 5m")).isNull();
        assertThat(NginxUnits.seconds("$timeout")).isNull();
        assertThat(NginxUnits.seconds("60x")).isNull();
        assertThat(NginxUnits.bytes("8k")).isEqualTo(8192L);
        assertThat(NginxUnits.bytes("1M")).isEqualTo(1048576L);
        assertThat(NginxUnits.bytes("4096")).isEqualTo(4096L);
        assertThat(NginxUnits.bytes("big")).isNull();
    }

    @Test
    void readsNginxDashTOutputWithFilesContextsAndAllOccurrences() {
        NginxConfFacts f = analyzer.analyze(Fixtures.read("nginx/nginx-T.txt"));
        assertThat(f.proxyReadTimeouts()).extracting(NginxDirective::seconds).containsExactly(90.0, 300.0, 0.5);
        NginxDirective multiLine = f.proxyReadTimeouts().get(1);
        assertThat(multiLine.lineNumber()).isEqualTo(38);
        assertThat(multiLine.line().text()).isEqualTo("        proxy_read_timeout");
        assertThat(multiLine.context()).isEqualTo("server > location /api/");
        assertThat(multiLine.file()).isEqualTo("/etc/nginx/conf.d/www.conf");
        NginxDirective fcgi = f.fastcgiReadTimeouts().get(0);
        assertThat(f.fastcgiReadTimeouts()).hasSize(1); // the commented-out 600 is not there
        assertThat(fcgi.seconds()).isEqualTo(90.0);
        assertThat(fcgi.context()).isEqualTo("server > location ~ \\.php$");
        assertThat(fcgi.line().text()).isEqualTo("        fastcgi_read_timeout 1m30s;");
        assertThat(f.maxSeconds(NginxConfFacts.PROXY_READ_TIMEOUT)).get().extracting(NginxDirective::seconds)
                .isEqualTo(300.0);
        assertThat(f.maxReadTimeout()).get().extracting(NginxDirective::lineNumber).isEqualTo(38);
        NginxDirective lchb = f.all(NginxConfFacts.LARGE_CLIENT_HEADER_BUFFERS).get(0);
        assertThat(lchb.count()).isEqualTo(4);
        assertThat(lchb.bytes()).isEqualTo(16384L);
        assertThat(lchb.context()).isEqualTo("http");
        assertThat(lchb.file()).isEqualTo("/etc/nginx/nginx.conf");
        assertThat(f.maxBytes(NginxConfFacts.CLIENT_HEADER_BUFFER_SIZE)).get().extracting(NginxDirective::bytes)
                .isEqualTo(4096L);
        assertThat(f.all(NginxConfFacts.FASTCGI_BUFFER_SIZE).get(0).bytes()).isEqualTo(32768L);
        assertThat(f.all(NginxConfFacts.PROXY_BUFFER_SIZE).get(0).bytes()).isEqualTo(8192L);
    }

    @Test
    void commentsQuotesCrlfAndEmpty() {
        assertThat(analyzer.analyze("").directives()).isEmpty();
        NginxConfFacts f = analyzer.analyze("http {\r\n  # proxy_read_timeout 999;\r\n"
                + "  proxy_read_timeout \"120s\"; fastcgi_read_timeout 75;# trailing\r\n"
                + "  log_format x '; proxy_read_timeout 5;';\r\n}\r\n");
        assertThat(f.proxyReadTimeouts()).singleElement().satisfies(d -> {
            assertThat(d.seconds()).isEqualTo(120.0);
            assertThat(d.lineNumber()).isEqualTo(3);
            assertThat(d.line().text()).doesNotContain("\r");
        });
        assertThat(f.fastcgiReadTimeouts()).singleElement().extracting(NginxDirective::seconds).isEqualTo(75.0);
        assertThat(analyzer.analyze("proxy_read_timeout $var;").proxyReadTimeouts().get(0).seconds()).isNull();
    }
}
