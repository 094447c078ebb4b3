package org.slbdoctor.slb.sandbox;

/** An error the sandbox answers with, as the real API does: HTTP status, code and message. */
class SandboxError extends RuntimeException {

    private final int status;
    private final String code;

    SandboxError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static SandboxError loadBalancerNotFound() {
        return new SandboxError(404, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.");
    }

    static SandboxError missing(String parameter) {
        return new SandboxError(400, "MissingParameter", "The input parameter \"" + parameter
                + "\" that is mandatory for processing this request is not supplied.");
    }

    static SandboxError invalid(String parameter) {
        return new SandboxError(400, "InvalidParameter", "The specified parameter \"" + parameter + "\" is not valid.");
    }

    static SandboxError listenerNotFound() {
        return new SandboxError(400, "InvalidParameter", "The specified resource does not exist.");
    }
}
