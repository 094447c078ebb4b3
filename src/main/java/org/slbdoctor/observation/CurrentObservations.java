package org.slbdoctor.observation;

import java.time.Instant;

/**
 * An instance's observations as of now, with the version a diagnosis records. {@code version} is
 * null (and the observations all unknown) while nobody has entered any.
 */
public record CurrentObservations(Observations observations, Integer version, Instant createdAt, String createdBy) {

    public static final CurrentObservations NONE = new CurrentObservations(Observations.NONE, null, null, null);
}
