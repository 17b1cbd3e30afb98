package io.ngisec.server.http;

/** The documented limits and paths of the /v1 API (docs/policy-server.md). */
final class HttpSpec {

    /** Largest request body, in bytes; larger gets 413 body_too_large. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** Largest opaque signal body, in bytes of its compact JSON form. */
    static final int MAX_SIGNAL_BODY_BYTES = io.ngisec.server.signal.SignalMessages.MAX_BODY_BYTES;

    static final String ENROLL = "/v1/enroll";
    static final String RENEW = "/v1/renew";
    static final String DIRECTORY = "/v1/directory";
    static final String AUTHORIZE = "/v1/authorize";
    static final String TURN = "/v1/turn";
    static final String REVOCATIONS = "/v1/revocations";
    static final String HEALTH = "/v1/health";
    static final String WEBSOCKET = "/v1/ws";

    private HttpSpec() {
    }
}
