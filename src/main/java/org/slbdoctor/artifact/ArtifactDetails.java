package org.slbdoctor.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One artifact: metadata, the analyzer's one-line summary, and the content when asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactDetails(@JsonUnwrapped ArtifactMetadata metadata, String summary, String content) {
}
