package org.slbdoctor.artifact;

import java.util.List;

/** A page of artifact metadata in API.md's page shape, in upload order. */
public record ArtifactPage(List<ArtifactMetadata> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
}
