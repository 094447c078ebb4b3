package org.slbdoctor.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slbdoctor.artifact.AnalyzedArtifact;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.accesslog.SlbAccessLogAnalyzer;
import org.slbdoctor.artifact.iptables.IptablesSaveAnalyzer;
import org.slbdoctor.artifact.nginx.NginxConfAnalyzer;
import org.slbdoctor.artifact.nginx.NginxErrorLogAnalyzer;
import org.slbdoctor.artifact.phpfpm.PhpFpmConfAnalyzer;
import org.slbdoctor.artifact.phpfpm.PhpFpmLogAnalyzer;
import org.slbdoctor.artifact.sysctl.SysctlAnalyzer;

/** Artifacts as the app stores them: real text run through the real analyzer, uploaded one after another. */
public final class TestArtifacts {

    private static final AtomicLong IDS = new AtomicLong();
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private TestArtifacts() {
    }

    public static AnalyzedArtifact of(ArtifactKind kind, String name, String text) {
        long id = IDS.incrementAndGet();
        return new AnalyzedArtifact(id, kind, name, START.plusSeconds(id), analyze(kind, text));
    }

    public static AnalyzedArtifact fixture(ArtifactKind kind, String name, String resource) {
        try (InputStream in = TestArtifacts.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return of(kind, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArtifactFacts analyze(ArtifactKind kind, String text) {
        return switch (kind) {
            case SYSCTL -> new SysctlAnalyzer().analyze(text);
            case IPTABLES_SAVE -> new IptablesSaveAnalyzer().analyze(text);
            case NGINX_ERROR_LOG -> new NginxErrorLogAnalyzer().analyze(text);
            case PHP_FPM_LOG -> new PhpFpmLogAnalyzer().analyze(text);
            case PHP_FPM_CONF -> new PhpFpmConfAnalyzer().analyze(text);
            case NGINX_CONF -> new NginxConfAnalyzer().analyze(text);
            case SLB_ACCESS_LOG -> new SlbAccessLogAnalyzer().analyze(text);
        };
    }
}
