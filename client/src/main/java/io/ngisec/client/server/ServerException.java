package io.ngisec.client.server;

import java.util.Objects;

/**
 * A policy server call that did not succeed: the server refused it (HTTP status and its error
 * code) or it never got an answer (status 0 and one of this class's codes). The message is one
 * line for the user, without a stack trace.
 */
public final class ServerException extends Exception {

    /** No TCP connection to the server. */
    public static final String UNREACHABLE = "unreachable";
    /** No answer within the request timeout. */
    public static final String TIMEOUT = "timeout";
    /** The server's certificate does not chain to the pinned org CA. */
    public static final String UNTRUSTED_SERVER = "untrusted_server";
    /** TLS failed for another reason (expired certificate, wrong host name, protocol error). */
    public static final String TLS_FAILED = "tls_failed";
    /** The server answered with something this client cannot accept (bad JSON, a certificate not for our keys). */
    public static final String BAD_RESPONSE = "bad_response";

    private final int status;
    private final String code;

    /** {@code status} is the HTTP status, or 0 when there was no answer. */
    public ServerException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The same, keeping the cause for debugging (never shown to users). */
    public ServerException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The HTTP status, or 0 when the server gave no answer. */
    public int status() {
        return status;
    }

    /** The server's error code ({@code invite_used}, {@code revoked}, ...) or one of this class's constants. */
    public String code() {
        return code;
    }
}
