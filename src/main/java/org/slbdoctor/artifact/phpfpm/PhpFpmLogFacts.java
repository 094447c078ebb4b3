package org.slbdoctor.artifact.phpfpm;

import java.util.Map;
import java.util.Set;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LogSignatureStats;
import org.slbdoctor.artifact.SignatureCounter;

/** Per signature found: count, first/last line, first/last timestamp; the pools named on those lines. */
public record PhpFpmLogFacts(Map<PhpFpmLogSignature, LogSignatureStats> signatures, Set<String> pools, long lines)
        implements ArtifactFacts {

    public PhpFpmLogFacts {
        signatures = SignatureCounter.copyOf(PhpFpmLogSignature.class, signatures);
        pools = Set.copyOf(pools);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.PHP_FPM_LOG;
    }

    public LogSignatureStats stats(PhpFpmLogSignature signature) {
        return signatures.getOrDefault(signature, LogSignatureStats.NONE);
    }

    public boolean has(PhpFpmLogSignature signature) {
        return stats(signature).found();
    }

    @Override
    public String summary() {
        if (signatures.isEmpty()) {
            return lines + " lines; no max_children, timeout or child-exit line";
        }
        return lines + " lines; " + SignatureCounter.summary(signatures, PhpFpmLogSignature::description);
    }
}
