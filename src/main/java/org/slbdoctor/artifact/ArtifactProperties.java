package org.slbdoctor.artifact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code slbdoctor.artifacts.*}.
 *
 * @param maxBytes the largest artifact accepted, in bytes of content (API.md: default 20 MiB)
 */
@ConfigurationProperties("slbdoctor.artifacts")
public record ArtifactProperties(@DefaultValue("20971520") long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
}
