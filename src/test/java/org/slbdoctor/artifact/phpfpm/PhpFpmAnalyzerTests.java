package org.slbdoctor.artifact.phpfpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.Fixtures;

class PhpFpmAnalyzerTests {

    private final PhpFpmLogAnalyzer log = new PhpFpmLogAnalyzer();
    private final PhpFpmConfAnalyzer conf = new PhpFpmConfAnalyzer();

    @Test
    void logSignatures() {
        PhpFpmLogFacts f = log.analyze(Fixtures.read("phpfpm/php-fpm.log"));
        var max = f.stats(PhpFpmLogSignature.MAX_CHILDREN_REACHED);
        assertThat(max.count()).isEqualTo(3); // pm.max_children twice + the ondemand wording
        assertThat(max.firstLine().lineNumber()).isEqualTo(4);
        assertThat(max.firstLine().text()).isEqualTo(
                "[23-Nov-2026 10:00:00] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it");
        assertThat(max.firstTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 0, 0));
        assertThat(max.lastTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 6, 0));
        assertThat(f.stats(PhpFpmLogSignature.EXECUTION_TIMED_OUT).firstLine().lineNumber()).isEqualTo(5);
        assertThat(f.stats(PhpFpmLogSignature.CHILD_EXITED_ON_SIGNAL).count()).isEqualTo(2);
        assertThat(f.stats(PhpFpmLogSignature.CHILD_EXITED_WITH_ERROR_CODE).count()).isEqualTo(1);
        assertThat(f.stats(PhpFpmLogSignature.CHILD_EXITED_NORMALLY).count()).isEqualTo(1);
        assertThat(f.has(PhpFpmLogSignature.SEEMS_BUSY)).isTrue();
        assertThat(f.pools()).containsExactlyInAnyOrder("www", "api");
        assertThat(f.summary()).contains("3× server reached pm.max_children setting (first at line 4)");
    }

    @Test
    void logEdgeCases() {
        assertThat(log.analyze("").signatures()).isEmpty();
        PhpFpmLogFacts docker = log.analyze("php_1  | [23-Nov-2026 10:00:00] WARNING: [pool www] server reached "
                + "max_children setting (5), consider raising it\r\n");
        assertThat(docker.stats(PhpFpmLogSignature.MAX_CHILDREN_REACHED).firstTimestamp()).isNotNull();
        assertThat(docker.stats(PhpFpmLogSignature.MAX_CHILDREN_REACHED).firstLine().text()).doesNotEndWith("\r");
    }

    @Test
    void confPoolsWithUnitsAndLaterLinesWinning() {
        PhpFpmConfFacts f = conf.analyze(Fixtures.read("phpfpm/www.conf"));
        PhpFpmPool www = f.pool("www").orElseThrow();
        assertThat(www.pm().value()).isEqualTo("dynamic");
        assertThat(www.maxChildren()).isEqualTo(50);
        assertThat(www.maxChildrenSetting().lineNumber()).isEqualTo(16);
        assertThat(www.requestTerminateTimeoutSeconds()).isEqualTo(30L);
        assertThat(www.requestTerminateTimeoutSetting().line().text()).isEqualTo("request_terminate_timeout = 30s");
        PhpFpmPool api = f.pool("api").orElseThrow();
        assertThat(api.pm().value()).isEqualTo("ondemand");
        assertThat(api.maxChildren()).isEqualTo(12);
        assertThat(api.requestTerminateTimeoutSeconds()).isEqualTo(120L);
        assertThat(f.settings()).anyMatch(s -> s.key().equals("pm.max_children") && s.value().equals("10"));
        assertThat(f.summary()).contains("[www] pm = dynamic, pm.max_children = 50 (line 16)");
    }

    @Test
    void phpFpmTimeUnits() {
        assertThat(PhpFpmConfAnalyzer.seconds("30")).isEqualTo(30L);
        assertThat(PhpFpmConfAnalyzer.seconds("30s")).isEqualTo(30L);
        assertThat(PhpFpmConfAnalyzer.seconds("5m")).isEqualTo(300L);
        assertThat(PhpFpmConfAnalyzer.seconds("1h")).isEqualTo(3600L);
        assertThat(PhpFpmConfAnalyzer.seconds("1d")).isEqualTo(86400L);
        assertThat(PhpFpmConfAnalyzer.seconds("0")).isZero();
        assertThat(PhpFpmConfAnalyzer.seconds("1w")).isNull();
        assertThat(PhpFpmConfAnalyzer.seconds("")).isNull();
    }

    @Test
    void confWithoutPoolsAndCrlf() {
        PhpFpmConfFacts f = conf.analyze("[global]\r\npid = /run/php-fpm.pid\r\n");
        assertThat(f.pools()).isEmpty();
        assertThat(f.settings()).singleElement().extracting(PhpFpmSetting::value).isEqualTo("/run/php-fpm.pid");
        assertThat(conf.analyze("").pools()).isEmpty();
    }
}
