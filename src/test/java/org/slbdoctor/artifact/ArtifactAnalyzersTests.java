package org.slbdoctor.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.accesslog.SlbAccessLogAnalyzer;
import org.slbdoctor.artifact.iptables.IptablesSaveAnalyzer;
import org.slbdoctor.artifact.nginx.NginxConfAnalyzer;
import org.slbdoctor.artifact.nginx.NginxErrorLogAnalyzer;
import org.slbdoctor.artifact.phpfpm.PhpFpmConfAnalyzer;
import org.slbdoctor.artifact.phpfpm.PhpFpmLogAnalyzer;
import org.slbdoctor.artifact.sysctl.SysctlAnalyzer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ArtifactAnalyzersTests {

    @Test
    void everyKindHasExactlyOneAnalyzerDiscoveredByComponentScan() {
        try (var ctx = new AnnotationConfigApplicationContext("org.slbdoctor.artifact.sysctl",
                "org.slbdoctor.artifact.iptables", "org.slbdoctor.artifact.nginx", "org.slbdoctor.artifact.phpfpm",
                "org.slbdoctor.artifact.accesslog")) {
            ctx.register(ArtifactAnalyzers.class);
            ArtifactAnalyzers analyzers = new ArtifactAnalyzers(ctx.getBeansOfType(ArtifactAnalyzer.class).values().stream().map(a -> (ArtifactAnalyzer<?>) a).toList());
            for (ArtifactKind k : ArtifactKind.values()) {
                assertThat(analyzers.of(k).kind()).isEqualTo(k);
                ArtifactFacts facts = analyzers.analyze(k, "");
                assertThat(facts.kind()).isEqualTo(k);
                assertThat(facts.summary()).isNotBlank();
            }
        }
    }

    @Test
    void aMissingOrDuplicateAnalyzerFailsAtStartUp() {
        assertThatThrownBy(() -> new ArtifactAnalyzers(List.of(new SysctlAnalyzer())))
                .hasMessageContaining("no analyzer for artifact kind iptables-save");
        List<ArtifactAnalyzer<?>> all = List.of(new SysctlAnalyzer(), new IptablesSaveAnalyzer(), new NginxErrorLogAnalyzer(),
                new NginxConfAnalyzer(), new PhpFpmLogAnalyzer(), new PhpFpmConfAnalyzer(), new SlbAccessLogAnalyzer(),
                new SysctlAnalyzer());
        assertThatThrownBy(() -> new ArtifactAnalyzers(all)).hasMessageContaining("two analyzers");
    }
}
