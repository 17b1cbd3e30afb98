package io.ngisec.server.api;

/**
 * A request the policy server refuses, with the HTTP status and a stable machine-readable code
 * (for example 400 "malformed_json", 403 "denied", 404 "unknown_device", 409 "invite_used").
 * The message is for humans and never contains a stack trace or secret.
 */
public final class ApiException extends Exception {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }
}
