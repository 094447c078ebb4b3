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
    FLOAT_INTEGER
}
