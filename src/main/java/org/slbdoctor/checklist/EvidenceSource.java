package org.slbdoctor.checklist;

/** Where an evidence line comes from. */
public enum EvidenceSource {
    /** pulled through the SLB API */
    API,
    /** typed by the operator */
    OBSERVATION,
    /** a line of an uploaded artifact, parsed by its analyzer */
    ARTIFACT
}
