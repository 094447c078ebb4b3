package org.slbdoctor.artifact.phpfpm;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;

/** Every setting line in text order, and the pools ({@code [www]}) with their effective pm settings. */
public record PhpFpmConfFacts(List<PhpFpmSetting> settings, List<PhpFpmPool> pools) implements ArtifactFacts {

    public PhpFpmConfFacts {
        settings = List.copyOf(settings);
        pools = List.copyOf(pools);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.PHP_FPM_CONF;
    }

    public Optional<PhpFpmPool> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public String summary() {
        if (pools.isEmpty()) {
            return settings.size() + " settings; no pool section";
        }
        return pools.stream().map(p -> "[" + p.name() + "] pm = " + (p.pm() == null ? "?" : p.pm().value())
                + ", pm.max_children = " + (p.maxChildrenSetting() == null ? "unset" : p.maxChildrenSetting().value()
                        + " (line " + p.maxChildrenSetting().lineNumber() + ")")
                + ", request_terminate_timeout = " + (p.requestTerminateTimeoutSetting() == null ? "unset (0, off)"
                        : p.requestTerminateTimeoutSetting().value() + " (line "
                                + p.requestTerminateTimeoutSetting().lineNumber() + ")"))
                .collect(Collectors.joining("; "));
    }
}
