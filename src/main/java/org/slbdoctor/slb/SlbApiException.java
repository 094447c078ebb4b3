package org.slbdoctor.slb;

/**
 * A failed SLB API call, typed so callers can react (and people can act): the SLB or SDK error code,
 * the RequestId when the API answered, the action, and the record of the call.
 */
public class SlbApiException extends RuntimeException {

    /** What went wrong, in the terms an operator acts on. */
    public enum Kind {
        /** The instance (or another resource) does not exist in that region. */
        NOT_FOUND,
        /** The AccessKey id is unknown or the secret is wrong. */
        BAD_CREDENTIALS,
        /** The RAM user may not call this action. */
        RAM_DENIED,
        /** The API throttled us, also after retries. */
        THROTTLED,
        /** The API answered 5xx, also after retries. */
        UNAVAILABLE,
        /** No answer within the read timeout. */
        TIMEOUT,
        /** No connection (refused, DNS, network). */
        UNREACHABLE,
        /** An answer the SDK cannot parse safely (not JSON, truncated, wrong types). */
        MALFORMED_RESPONSE,
        /** Anything else the API or SDK reported. */
        OTHER
    }

    public static final String MALFORMED_CODE = "SDK.MalformedResponse";

    private final Kind kind;
    private final String code;
    private final String requestId;
    private final String action;
    private final transient ApiCall call;

    public SlbApiException(Kind kind, String code, String requestId, String action, String message, ApiCall call,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.requestId = requestId;
        this.action = action;
        this.call = call;
    }

    public Kind kind() {
        return kind;
    }

    /** The SLB error code (e.g. {@code InvalidLoadBalancerId.NotFound}) or the SDK's ({@code SDK.ReadTimeout}). */
    public String code() {
        return code;
    }

    /** The API's RequestId, null when no answer came (timeouts, unreachable). */
    public String requestId() {
        return requestId;
    }

    public String action() {
        return action;
    }

    /** The call as the collection record keeps it (attempts, duration, raw body). */
    public ApiCall call() {
        return call;
    }

    public CollectionError toCollectionError() {
        return new CollectionError(action, code, requestId, getMessage());
    }
}
