package org.slbdoctor.instance;

/**
 * Which row and which write of it: equal values, the instance row was not written in between
 * (its JPA version moves on every update; the id tells a re-registered instance from the removed one).
 */
public record RowVersion(long id, long version) {
}
