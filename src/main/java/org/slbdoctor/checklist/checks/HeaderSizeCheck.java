package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LogSignatureStats;
import org.slbdoctor.artifact.nginx.NginxErrorLogFacts;
import org.slbdoctor.artifact.nginx.NginxErrorSignature;
import org.slbdoctor.checklist.ApiPart;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 8: the HTTP request header is too long for a Layer-7 listener (or the upstream's answer header). */
@Component
@Order(90)
public class HeaderSizeCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("header-size", "8",
            "HTTP headers stay well within the size SLB can process",
            "HTTP 头部大小远低于负载均衡可处理的上限",
            "Reduce the amount of data carried in HTTP headers (large or many cookies, long tokens), or switch the "
                    + "listener to TCP so SLB no longer parses the headers. If nginx logs \"upstream sent too big header\", "
                    + "raise fastcgi_buffer_size / proxy_buffer_size or shrink the response headers.",
            "减少 HTTP 头部携带的数据量（过大或过多的 Cookie、过长的令牌），或将监听改为 TCP 监听，使负载均衡不再解析头部。"
                    + "如果 Nginx 日志出现 \"upstream sent too big header\"，请调大 fastcgi_buffer_size / proxy_buffer_size 或精简响应头。");

    public HeaderSizeCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        SlbSnapshot slb = evidence.slb();
        long limit = evidence.settings().headerLimitBytes();
        Long bytes = evidence.observations().requestHeaderBytes();
        EvidenceLog log = new EvidenceLog();
        if (slb.listenersKnown()) {
            List<String> layer7 = slb.listeners().stream().filter(Listener::layer7).map(Listener::label).toList();
            log.api(layer7.isEmpty() ? "no Layer-7 (http/https) listener"
                    : "Layer-7 listener(s): " + String.join(", ", layer7));
        }
        log.observation("requestHeaderBytes", bytes);
        List<String> tooBig = new ArrayList<>();
        for (AnalyzedArtifact artifact : evidence.artifactsOf(ArtifactKind.NGINX_ERROR_LOG)) {
            LogSignatureStats stats = ((NginxErrorLogFacts) artifact.facts())
                    .stats(NginxErrorSignature.UPSTREAM_SENT_TOO_BIG_HEADER);
            if (stats.found()) {
                log.artifact(artifact.name(), stats.firstLine().lineNumber(), stats.firstLine().text());
                tooBig.add(artifact.name() + " line " + stats.firstLine().lineNumber() + " (" + stats.count() + "×): "
                        + stats.firstLine().text());
            } else {
                // the log was read for rule 2 too: say so, or the finding looks as if it had been ignored
                long lines = ((NginxErrorLogFacts) artifact.facts()).lines();
                log.artifact(artifact.name(), null, "no \"upstream sent too big header\" line in " + lines
                        + (lines == 1 ? " line" : " lines"));
            }
        }
        Rules rules = new Rules(slb)
                .rule(Status.NOT_APPLICABLE, List.of(ApiPart.LISTENERS),
                        () -> slb.listeners().stream().noneMatch(Listener::layer7)
                                ? "The instance has no http or https listener: SLB does not parse HTTP headers."
                                : null)
                .rule(Status.FAIL, List.of(), () -> {
                    List<String> reasons = new ArrayList<>();
                    if (bytes != null && bytes > limit) {
                        reasons.add("Requests carry " + bytes + " bytes of headers (requestHeaderBytes), more than the "
                                + "limit of " + limit + " bytes.");
                    }
                    if (!tooBig.isEmpty()) {
                        reasons.add("nginx logs \"upstream sent too big header\": " + String.join("; ", tooBig) + ".");
                    }
                    return reasons.isEmpty() ? null : String.join(" ", reasons);
                })
                .rule(Status.WARN, List.of(), () -> bytes != null && bytes * 5 > limit * 4 // > 0.8 × limit, in integers: exact
                        ? "Requests carry " + bytes + " bytes of headers, more than 80% of the limit of " + limit + " bytes."
                        : null)
                .rule(Status.PASS, List.of(), () -> bytes != null
                        ? "Requests carry " + bytes + " bytes of headers, within 80% of the limit of " + limit + " bytes."
                        : null);
        return rules.finish(this, log, "The size of the requests' HTTP headers is not known"
                + (evidence.artifactsOf(ArtifactKind.NGINX_ERROR_LOG).isEmpty() ? "."
                        : ", and the nginx error log has no \"upstream sent too big header\" line."),
                List.of("observation:requestHeaderBytes"));
    }
}
