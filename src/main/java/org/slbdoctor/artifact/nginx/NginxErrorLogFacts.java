package org.slbdoctor.artifact.nginx;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LogSignatureStats;
import org.slbdoctor.artifact.SignatureCounter;

/**
 * Per signature (only those found): count, first/last matching line, first/last timestamp.
 * {@code lines} counts all lines of the artifact.
 */
public record NginxErrorLogFacts(Map<NginxErrorSignature, LogSignatureStats> signatures, long lines)
        implements ArtifactFacts {

    public NginxErrorLogFacts {
        signatures = SignatureCounter.copyOf(NginxErrorSignature.class, signatures);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.NGINX_ERROR_LOG;
    }

    /** {@link LogSignatureStats#NONE} when the signature did not occur. */
    public LogSignatureStats stats(NginxErrorSignature signature) {
        return signatures.getOrDefault(signature, LogSignatureStats.NONE);
    }

    public boolean has(NginxErrorSignature signature) {
        return stats(signature).found();
    }

    /** The web-app rule 2 signatures found, in enum order. */
    public Map<NginxErrorSignature, LogSignatureStats> webAppSignatures() {
        return signatures.entrySet().stream().filter(e -> e.getKey().webAppSignature())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        () -> new EnumMap<>(NginxErrorSignature.class)));
    }

    @Override
    public String summary() {
        if (signatures.isEmpty()) {
            return lines + " lines; no upstream error signature";
        }
        return lines + " lines; " + SignatureCounter.summary(signatures, NginxErrorSignature::description);
    }
}
