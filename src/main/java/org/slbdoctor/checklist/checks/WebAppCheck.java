package org.slbdoctor.checklist.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.LogSignatureStats;
import org.slbdoctor.artifact.nginx.NginxConfFacts;
import org.slbdoctor.artifact.nginx.NginxDirective;
import org.slbdoctor.artifact.nginx.NginxErrorLogFacts;
import org.slbdoctor.artifact.nginx.NginxErrorSignature;
import org.slbdoctor.artifact.phpfpm.PhpFpmLogFacts;
import org.slbdoctor.artifact.phpfpm.PhpFpmLogSignature;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.observation.Observations.DirectToBackendResult;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 7: health checks pass but the web application (nginx + php-fpm...) answers 502/504. */
@Component
@Order(80)
public class WebAppCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("web-app", "7",
            "The web application answers within the SLB timeouts and its upstream (php-fpm) is healthy",
            "Web 应用在负载均衡超时时间内响应，且其上游（如 php-fpm）运行正常",
            "Make sure the web service and the services it depends on run normally. With nginx + php-fpm: start "
                    + "php-fpm if it is down; raise pm.max_children when the pool is exhausted; speed up slow PHP "
                    + "requests so they finish before request_terminate_timeout, fastcgi_read_timeout and the listener's "
                    + "timeout (RequestTimeout for Layer-7 listeners, 60 s by default; EstablishedTimeout for TCP, 900 s); "
                    + "keep nginx's read timeouts below the listener's RequestTimeout. A static health-check page can "
                    + "stay healthy while dynamic requests fail.",
            "确保 Web 服务及其依赖的服务运行正常。以 Nginx + php-fpm 为例：php-fpm 未运行时请启动它；进程池耗尽时调大 "
                    + "pm.max_children；优化处理缓慢的 PHP 请求，使其在 request_terminate_timeout、fastcgi_read_timeout "
                    + "和监听超时时间（七层监听的 RequestTimeout 默认 60 秒，TCP 监听的 EstablishedTimeout 默认 900 秒）之前完成；"
                    + "Nginx 的读超时应小于监听的 RequestTimeout。健康检查使用静态页面时，即使动态请求失败，健康检查仍可能正常。");

    private static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.8");

    public WebAppCheck() {
        super(METADATA);
    }

    /** One SLB timeout that bounds how long the application may take. */
    record Timeout(Listener listener, String name, int seconds) {
        String describe() {
            return name + " " + seconds + " s of listener " + listener.label();
        }
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        Observations o = evidence.observations();
        Double appMax = o.appMaxResponseSeconds();
        EvidenceLog log = new EvidenceLog();
        List<Timeout> timeouts = timeouts(slb, log);
        log.observation("phpFpmRunning", o.phpFpmRunning());
        log.observation("appMaxResponseSeconds", number(appMax));
        log.observation("directToBackendResult", o.directToBackendResult());

        // artifacts are read up front so every finding lists their lines, whichever rule decides
        String nginxErrors = nginxErrors(evidence, log);
        String phpFpmErrors = phpFpmErrors(evidence, log);
        Rules.Outcome nginxReadTimeouts = nginxReadTimeouts(evidence, slb, timeouts, log);
        Rules rules = new Rules(slb)
                .rule(Status.FAIL, List.of(), () -> Boolean.FALSE.equals(o.phpFpmRunning())
                        ? "php-fpm is not running (phpFpmRunning = false): nginx cannot pass dynamic requests on, "
                                + "so they fail with 502 while a static health-check page stays healthy."
                        : null)
                .rule(Status.FAIL, List.of(), () -> nginxErrors)
                .rule(Status.FAIL, List.of(), () -> phpFpmErrors)
                .rule(Status.FAIL, () -> appMax == null ? Rules.noMatch() : listenersOrSkip(slb, () -> {
                    List<String> exceeded = timeouts.stream().filter(t -> appMax >= t.seconds())
                            .map(Timeout::describe).toList();
                    return exceeded.isEmpty() ? null
                            : "The application takes up to " + number(appMax) + " s (appMaxResponseSeconds), at or beyond "
                                    + String.join(", ", exceeded) + ": SLB gives up first (504 on Layer 7).";
                }))
                .rule(Status.FAIL, List.of(), () -> {
                    DirectToBackendResult r = o.directToBackendResult();
                    if (r == DirectToBackendResult.ERRORS) {
                        return "Requests sent straight to a backend (hosts-file test, no SLB in the path) also fail "
                                + "(directToBackendResult = ERRORS): the backend itself produces the errors.";
                    }
                    if (r == DirectToBackendResult.INTERMITTENT) {
                        return "Requests sent straight to the backends fail intermittently (directToBackendResult = "
                                + "INTERMITTENT): one backend's configuration is probably at fault.";
                    }
                    return null;
                })
                .rule(Status.WARN, () -> appMax == null ? Rules.noMatch() : listenersOrSkip(slb, () -> {
                    OptionalInt smallest = timeouts.stream().mapToInt(Timeout::seconds).min();
                    if (smallest.isEmpty() || !atLeastEightyPercent(appMax, smallest.getAsInt())) {
                        return null;
                    }
                    Timeout t = timeouts.stream().filter(x -> x.seconds() == smallest.getAsInt()).findFirst().orElseThrow();
                    return "The application takes up to " + number(appMax) + " s, at least 80% of the smallest SLB "
                            + "timeout (" + t.describe() + "): slow requests are close to being cut off.";
                }))
                .rule(Status.WARN, () -> nginxReadTimeouts)
                .rule(Status.PASS, List.of(), () -> appMax != null && !Boolean.FALSE.equals(o.phpFpmRunning())
                        ? "The application answers within " + number(appMax) + " s, below 80% of "
                                + (timeouts.isEmpty() ? "any SLB timeout (no running listener with a timeout)"
                                        : "the smallest SLB timeout (" + timeouts.stream()
                                                .min((a, b) -> Integer.compare(a.seconds(), b.seconds()))
                                                .orElseThrow().describe() + ")")
                                + ", and nothing points at a failing upstream."
                        : null);
        List<String> missing = new ArrayList<>();
        if (appMax == null) {
            missing.add("observation:appMaxResponseSeconds");
        }
        return rules.finish(this, log, appMax == null
                ? "How long the application takes to answer (appMaxResponseSeconds) is not known, and no log shows an "
                        + "upstream failure."
                : "The application's response time could not be compared with the listeners' timeouts.", missing);
    }

    /** Rule 2: upstream error signatures in nginx error logs; quotes the first line, counts each signature. */
    private static String nginxErrors(EvidenceSnapshot evidence, EvidenceLog log) {
        Map<NginxErrorSignature, Long> counts = new EnumMap<>(NginxErrorSignature.class);
        String first = null;
        for (AnalyzedArtifact artifact : evidence.artifactsOf(ArtifactKind.NGINX_ERROR_LOG)) {
            NginxErrorLogFacts facts = (NginxErrorLogFacts) artifact.facts();
            LineRef firstHere = null;
            for (Map.Entry<NginxErrorSignature, LogSignatureStats> e : facts.webAppSignatures().entrySet()) {
                LineRef line = e.getValue().firstLine();
                log.artifact(artifact.name(), line.lineNumber(), line.text());
                counts.merge(e.getKey(), e.getValue().count(), Long::sum);
                if (firstHere == null || line.lineNumber() < firstHere.lineNumber()) {
                    firstHere = line;
                }
            }
            if (first == null && firstHere != null) {
                first = artifact.name() + " line " + firstHere.lineNumber() + ": " + firstHere.text();
            }
        }
        if (first == null) {
            return null;
        }
        return "nginx reports upstream failures — " + first + ". Counts: " + counts.entrySet().stream()
                .map(e -> e.getValue() + "× " + e.getKey().description() + " (" + e.getKey().httpStatus() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Rule 3: php-fpm ran out of children, or killed a script at request_terminate_timeout. */
    private static String phpFpmErrors(EvidenceSnapshot evidence, EvidenceLog log) {
        List<String> found = new ArrayList<>();
        for (AnalyzedArtifact artifact : evidence.artifactsOf(ArtifactKind.PHP_FPM_LOG)) {
            PhpFpmLogFacts facts = (PhpFpmLogFacts) artifact.facts();
            for (PhpFpmLogSignature signature : List.of(PhpFpmLogSignature.MAX_CHILDREN_REACHED,
                    PhpFpmLogSignature.EXECUTION_TIMED_OUT)) {
                LogSignatureStats stats = facts.stats(signature);
                if (stats.found()) {
                    LineRef line = stats.firstLine();
                    log.artifact(artifact.name(), line.lineNumber(), line.text());
                    found.add(stats.count() + "× " + signature.description() + " — " + artifact.name() + " line "
                            + line.lineNumber() + ": " + line.text());
                }
            }
        }
        return found.isEmpty() ? null : "php-fpm could not serve every request: " + String.join("; ", found) + ".";
    }

    /** Rule 7: nginx waits longer for the upstream than SLB waits for nginx. */
    private static Rules.Outcome nginxReadTimeouts(EvidenceSnapshot evidence, SlbSnapshot slb, List<Timeout> timeouts,
            EvidenceLog log) {
        List<AnalyzedArtifact> confs = evidence.artifactsOf(ArtifactKind.NGINX_CONF);
        List<String> too = new ArrayList<>();
        List<Map.Entry<AnalyzedArtifact, NginxDirective>> readTimeouts = new ArrayList<>();
        for (AnalyzedArtifact artifact : confs) {
            NginxConfFacts facts = (NginxConfFacts) artifact.facts();
            for (NginxDirective d : facts.directives()) {
                if ((d.name().equals(NginxConfFacts.FASTCGI_READ_TIMEOUT)
                        || d.name().equals(NginxConfFacts.PROXY_READ_TIMEOUT)) && d.seconds() != null) {
                    log.artifact(artifact.name(), d.lineNumber(), d.line().text());
                    readTimeouts.add(Map.entry(artifact, d));
                }
            }
        }
        if (readTimeouts.isEmpty()) {
            return Rules.noMatch();
        }
        if (!slb.listenersKnown()) {
            return Rules.skip(List.of(ApiPart.LISTENERS));
        }
        OptionalInt smallest = timeouts.stream().filter(t -> t.listener().layer7()).mapToInt(Timeout::seconds).min();
        if (smallest.isEmpty()) {
            return Rules.noMatch();
        }
        for (Map.Entry<AnalyzedArtifact, NginxDirective> e : readTimeouts) {
            NginxDirective d = e.getValue();
            if (d.seconds() > smallest.getAsInt()) {
                too.add(d.text() + " (" + number(d.seconds()) + " s, " + e.getKey().name() + " line " + d.lineNumber()
                        + ")");
            }
        }
        return too.isEmpty() ? Rules.noMatch()
                : Rules.match("nginx waits longer for its upstream than SLB waits for nginx: " + String.join("; ", too)
                        + " exceeds the smallest RequestTimeout of a Layer-7 listener (" + smallest.getAsInt()
                        + " s), so SLB answers 504 before the backend gives up.");
    }

    /**
     * {@code value >= 0.8 × timeout} in decimal: in binary floating point 0.8 × 7 is 5.6000000000000005,
     * which would put an operator's 5.6 s below the 80% mark it sits on.
     */
    static boolean atLeastEightyPercent(double value, int timeout) {
        return BigDecimal.valueOf(value).compareTo(EIGHTY_PERCENT.multiply(BigDecimal.valueOf(timeout))) >= 0;
    }

    private static Rules.Outcome listenersOrSkip(SlbSnapshot slb, java.util.function.Supplier<String> matcher) {
        if (!slb.listenersKnown()) {
            return Rules.skip(List.of(ApiPart.LISTENERS));
        }
        String summary = matcher.get();
        return summary == null ? Rules.noMatch() : Rules.match(summary);
    }

    /** RequestTimeout of running http/https listeners, EstablishedTimeout of running tcp listeners. */
    private static List<Timeout> timeouts(SlbSnapshot slb, EvidenceLog log) {
        List<Timeout> timeouts = new ArrayList<>();
        for (Listener l : slb.runningListeners()) {
            if (l.layer7()) {
                log.api("listener " + l.label() + ": RequestTimeout " + seconds(l.requestTimeout()));
                if (l.requestTimeout() != null) {
                    timeouts.add(new Timeout(l, "RequestTimeout", l.requestTimeout()));
                }
            } else if (l.tcp()) {
                log.api("listener " + l.label() + ": EstablishedTimeout " + seconds(l.establishedTimeout()));
                if (l.establishedTimeout() != null) {
                    timeouts.add(new Timeout(l, "EstablishedTimeout", l.establishedTimeout()));
                }
            }
        }
        return timeouts;
    }

    private static String seconds(Integer s) {
        return s == null ? "not reported" : s + " s";
    }
}
