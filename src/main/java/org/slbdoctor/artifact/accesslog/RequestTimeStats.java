package org.slbdoctor.artifact.accesslog;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slbdoctor.artifact.LineRef;

/**
 * {@code request_time} of one listener: count, maximum with its line, and a histogram by whole
 * seconds (bucket {@code s} holds requests with {@code s <= request_time < s + 1}; everything from
 * {@link #TOP_BUCKET} seconds up is in the top bucket) with the first line of each bucket. So
 * {@link #countAtLeast(int)} is exact for a whole-second threshold such as a listener's
 * {@code RequestTimeout}.
 */
public record RequestTimeStats(long count, double maxSeconds, LineRef slowest, NavigableMap<Integer, Bucket> bySecond) {

    public static final int TOP_BUCKET = 86_400;

    /** Requests in one whole-second bucket and the first of them. */
    public record Bucket(long count, LineRef firstLine) {
    }

    public RequestTimeStats {
        bySecond = Collections.unmodifiableNavigableMap(new TreeMap<>(bySecond));
    }

    /** Requests with {@code request_time >= seconds}. */
    public long countAtLeast(int seconds) {
        long n = 0;
        for (Bucket b : bySecond.tailMap(Math.max(seconds, 0), true).values()) {
            n += b.count();
        }
        return n;
    }

    /** The earliest line (lowest line number) with {@code request_time >= seconds}, null when none. */
    public LineRef firstAtLeast(int seconds) {
        LineRef first = null;
        for (Map.Entry<Integer, Bucket> e : bySecond.tailMap(Math.max(seconds, 0), true).entrySet()) {
            LineRef l = e.getValue().firstLine();
            if (first == null || l.lineNumber() < first.lineNumber()) {
                first = l;
            }
        }
        return first;
    }
}
