package org.slbdoctor.slb.sandbox;

/** What the sandbox can do to a call instead of answering it properly. */
public enum SandboxFault {
    /** 503 ServiceUnavailable (a ServerException in the SDK). */
    SERVICE_UNAVAILABLE,
    /** 500 InternalError. */
    INTERNAL_ERROR,
    /** 403 Forbidden.RAM: the AccessKey's RAM user may not call the action. */
    FORBIDDEN_RAM,
    /** Throttling.User at the configured throttling status (400 or 429). */
    THROTTLING,
    /** A 200 whose JSON body is cut in the middle of a string. */
    TRUNCATED_JSON,
    /** A 200 whose JSON object is never closed (the SDK's own reader loops forever on it). */
    UNCLOSED_JSON,
    /** A 200 with a plain-text body and {@code text/plain} content type. */
    PLAIN_TEXT,
    /** A 200 with valid JSON where an integer field holds {@code 80.0}. */
    FLOAT_INTEGER,
    /** A 502 with an HTML page and {@code text/html}, as a proxy or gateway in front of the API answers. */
    HTML_ERROR_PAGE,
    /** A 200 with the real JSON body but no Content-Type header. */
    NO_CONTENT_TYPE,
    /**
     * A 200 with valid JSON whose non-ASCII characters are &#92;uXXXX escapes (Python's
     * {@code json.dumps} default, Gson's HTML escaping): the SDK's reader cannot decode them.
     */
    UNICODE_ESCAPED_JSON,
    /** A 200 with valid JSON after a UTF-8 byte-order mark: the SDK's reader then sees an empty answer. */
    UTF8_BOM,
    /**
     * A 200 with the lists in the other shape than the SDK needs (reference §2.1): bare arrays instead
     * of wrapper objects, or in DescribeLoadBalancerListeners a wrapper instead of the bare array. The
     * SDK reads either as an empty list.
     */
    WRONG_ARRAY_SHAPE,
    /**
     * DescribeLoadBalancers with TotalCount as the number of instances on the page, the English Tea
     * docs' reading of the field (reference §5.2 and §10: the other reading, the default, is the total matching).
     */
    PAGE_TOTAL_COUNT
}
