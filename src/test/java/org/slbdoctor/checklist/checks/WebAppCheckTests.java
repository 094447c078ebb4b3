package org.slbdoctor.checklist.checks;

import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.checklist.TestArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestListeners.http;
import static org.slbdoctor.checklist.TestListeners.https;
import static org.slbdoctor.checklist.TestListeners.tcp;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.checklist.TestSnapshots;
import org.slbdoctor.observation.Observations.DirectToBackendResult;

class WebAppCheckTests {

    private final WebAppCheck check = new WebAppCheck();

    @Test
    void failsWhenPhpFpmIsDown() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().phpFpmRunning(false)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("phpFpmRunning = false");
    }

    @Test
    void phpFpmDownStillFailsWhenListenersFailed() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed().phpFpmRunning(false).appMaxResponseSeconds(5.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void failsWhenTheAppIsSlowerThanRequestTimeout() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(60.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("RequestTimeout 60 s of listener 80/http");
    }

    @Test
    void failsWhenSlowerThanTcpEstablishedTimeout() {
        Finding f = check.evaluate(TestSnapshots.instance().listener(tcp(3306).establishedTimeout(300))
                .with(observed().appMaxResponseSeconds(301.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("EstablishedTimeout 300 s of listener 3306/tcp");
    }

    @Test
    void stoppedListenerTimeoutsDoNotCount() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(http(8080).requestTimeout(10).status("stopped"))
                .with(observed().appMaxResponseSeconds(20.0)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenDirectRequestsAlsoFail() {
        assertThat(check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().directToBackendResult(DirectToBackendResult.ERRORS))).status()).isEqualTo(Status.FAIL);
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().directToBackendResult(DirectToBackendResult.INTERMITTENT).appMaxResponseSeconds(1.0)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("INTERMITTENT");
    }

    @Test
    void warnsAtEightyPercentOfTheSmallestTimeout() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().listener(http(8080).requestTimeout(30))
                .with(observed().appMaxResponseSeconds(24.0)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.summary()).contains("RequestTimeout 30 s of listener 8080/http");
    }

    @Test
    void passesWhenFastAndPhpFpmUp() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb()
                .with(observed().appMaxResponseSeconds(2.5).phpFpmRunning(true).directToBackendResult(DirectToBackendResult.OK)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.summary()).contains("2.5 s").contains("RequestTimeout 60 s of listener 80/http");
    }

    @Test
    void unknownWithoutResponseTime() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().phpFpmRunning(true)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("observation:appMaxResponseSeconds");
    }

    @Test
    void unknownNamingTheListenersCallWhenTimeoutsCannotBeCompared() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "ServiceUnavailable")
                .with(observed().appMaxResponseSeconds(3.0).phpFpmRunning(true)));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.missing()).containsExactly("api:DescribeLoadBalancerListeners (ServiceUnavailable)");
        assertThat(f.summary()).contains("could not be evaluated because DescribeLoadBalancerListeners failed with ServiceUnavailable");
    }

    static final String NGINX_ERRORS = """
            2026/11/23 10:01:02 [error] 1760#0: *251777 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 100.97.88.12, server: localhost, request: "GET /report.php HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "www.example.com"
            2026/11/23 10:01:09 [error] 31#31: *9 upstream timed out (110: Operation timed out) while reading response header from upstream, client: 100.97.88.13, server: localhost, request: "GET /report.php HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "www.example.com"
            2026/11/23 10:03:44 [crit] 1760#0: *251790 connect() to unix:/run/php-fpm/www.sock failed (111: Connection refused) while connecting to upstream, client: 100.97.88.12, server: localhost, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php-fpm/www.sock:", host: "www.example.com"
            """;

    @Test
    void failsOnNginxUpstreamSignaturesQuotingTheFirstLineAndCounting() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(1.0),
                TestArtifacts.of(ArtifactKind.NGINX_ERROR_LOG, "web-1 error.log", NGINX_ERRORS)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("web-1 error.log line 1: 2026/11/23 10:01:02 [error] 1760#0")
                .contains("2× upstream timed out (110) while reading response header from upstream (504)")
                .contains("1× (111: connection refused) while connecting to upstream (502)");
        assertThat(f.evidence()).anyMatch(e -> "web-1 error.log".equals(e.artifactName()) && Integer.valueOf(3).equals(e.lineNumber()));
    }

    @Test
    void failsOnPhpFpmMaxChildren() {
        String log = "[23-Nov-2026 10:00:01] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it\n"
                + "[23-Nov-2026 10:00:31] WARNING: [pool www] child 4242, script '/var/www/html/report.php' (request: \"GET /report.php\") execution timed out (30.012 sec), terminating\n";
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(1.0),
                TestArtifacts.of(ArtifactKind.PHP_FPM_LOG, "php-fpm.log", log)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.summary()).contains("server reached pm.max_children setting (5)").contains("execution timed out");
    }

    @Test
    void ondemandPoolsWriteMaxChildrenWithoutPm() {
        String log = "[23-Nov-2026 10:00:01] WARNING: [pool www] server reached max_children setting (10), consider raising it\n";
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed(),
                TestArtifacts.of(ArtifactKind.PHP_FPM_LOG, "php-fpm.log", log))).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void warnsWhenNginxWaitsLongerThanTheListener() {
        Finding f = check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(2.0),
                TestArtifacts.fixture(ArtifactKind.NGINX_CONF, "nginx -T", "nginx/nginx-T.txt")));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.summary()).contains("proxy_read_timeout 90;").contains("(60 s)");
    }

    @Test
    void nginxReadTimeoutBelowTheListenerIsFine() {
        var conf = TestArtifacts.of(ArtifactKind.NGINX_CONF, "nginx.conf",
                "http {\n  server {\n    location ~ \\.php$ {\n      fastcgi_read_timeout 30s;\n    }\n  }\n}\n");
        assertThat(check.evaluate(TestSnapshots.healthyWeb().with(observed().appMaxResponseSeconds(2.0), conf)).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void nginxConfNeedsTheListenersButLogSignaturesDoNot() {
        var conf = TestArtifacts.fixture(ArtifactKind.NGINX_CONF, "nginx -T", "nginx/nginx-T.txt");
        Finding unknown = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed(), conf));
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.missing()).contains("api:DescribeLoadBalancerListeners (InternalError)",
                "observation:appMaxResponseSeconds");
        Finding fail = check.evaluate(TestSnapshots.healthyWeb().failed("DescribeLoadBalancerListeners", "InternalError")
                .with(observed(), conf, TestArtifacts.of(ArtifactKind.NGINX_ERROR_LOG, "error.log", NGINX_ERRORS)));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void eightyPercentIsExactNotFloatingPoint() {
        // 0.8 * 7 is 5.6000000000000005 in binary floating point; 5.6 s is exactly 80% of 7 s
        Finding f = check.evaluate(TestSnapshots.instance().listener(http(80).requestTimeout(7))
                .backend("i-a", "192.168.0.11", 100).with(observed().appMaxResponseSeconds(5.6)));
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(check.evaluate(TestSnapshots.instance().listener(tcp(443).establishedTimeout(12))
                .with(observed().appMaxResponseSeconds(9.6))).status()).isEqualTo(Status.WARN);
        assertThat(check.evaluate(TestSnapshots.instance().listener(http(80).requestTimeout(7))
                .with(observed().appMaxResponseSeconds(5.59))).status()).isEqualTo(Status.PASS);
    }

    @Test
    void atTheTimeoutItselfFails() {
        assertThat(check.evaluate(TestSnapshots.instance().listener(https(443).requestTimeout(7))
                .with(observed().appMaxResponseSeconds(7.0))).status()).isEqualTo(Status.FAIL);
        assertThat(check.evaluate(TestSnapshots.instance().listener(tcp(3306).establishedTimeout(900))
                .with(observed().appMaxResponseSeconds(900.0))).status()).isEqualTo(Status.FAIL);
        // udp listeners have no timeout that bounds the application
        assertThat(check.evaluate(TestSnapshots.instance().listener(org.slbdoctor.checklist.TestListeners.udp(53))
                .with(observed().appMaxResponseSeconds(5000.0))).status()).isEqualTo(Status.PASS);
    }
}
