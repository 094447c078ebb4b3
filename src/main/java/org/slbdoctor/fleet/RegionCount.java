package org.slbdoctor.fleet;

/** A region and how many registered instances it has. */
public record RegionCount(String regionId, long instances) {
}
