package org.slbdoctor.slb;

/** A failed SLB API call: the SDK action, the API's (or the SDK's) error code, the RequestId. */
public record CollectionError(String action, String code, String requestId, String message) {
}
