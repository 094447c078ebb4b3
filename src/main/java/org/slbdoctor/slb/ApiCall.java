package org.slbdoctor.slb;

/**
 * One SLB API call made during a collection: kept so the record can show every RequestId and the
 * raw JSON the API returned. {@code errorCode} is null on success.
 */
public record ApiCall(String action, String requestId, long durationMillis, int attempts, String errorCode,
        String rawJson) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
