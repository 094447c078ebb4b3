package org.slbdoctor.diagnosis;

import java.util.List;
import org.slbdoctor.artifact.AnalyzedArtifact;

/**
 * The analyzed artifacts a diagnosis of an instance reads, in upload order. Implemented by the
 * artifact module; kept as a port so a diagnosis does not depend on how artifacts are stored.
 */
public interface ArtifactSource {

    List<AnalyzedArtifact> analyzedArtifacts(long instanceId);
}
