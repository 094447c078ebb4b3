package org.slbdoctor.artifact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An artifact without its content, as lists show it. {@code kind} is serialized by its wire name. */
public record ArtifactMetadata(long id, @JsonIgnore long instanceId, @JsonIgnore ArtifactKind kind, String name,
        long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

    @JsonProperty("kind")
    public String kindName() {
        return kind.wireName();
    }
}
