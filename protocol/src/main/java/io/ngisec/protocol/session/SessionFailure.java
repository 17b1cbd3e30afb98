package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.HandshakeFailure;
import java.util.Optional;

/**
 * Why a session over a real path did not start or stopped. The one failure type of the session
 * drivers ({@link SessionHandshake}, {@link UdpSession}); the reason is for the local side (logs,
 * statistics, the user) and is never sent to the peer.
 */
public final class SessionFailure extends Exception {

    /** The catalogue of session failures. */
    public enum Reason {
        /** The peer's handshake message authenticated but failed a check: see {@link #handshakeReason()}. */
        HANDSHAKE_REJECTED,
        /** No valid handshake message arrived before the deadline (peer silent, or only invalid messages). */
        HANDSHAKE_TIMEOUT,
        /** The path refused a send: it is closed. */
        PATH_CLOSED,
        /** The session was closed locally. */
        CLOSED
    }

    private final Reason reason;
    private final HandshakeFailure.Reason handshakeReason;

    public SessionFailure(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** {@code cause}, if a handshake failure, gives {@link #handshakeReason()}. */
    public SessionFailure(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
        this.handshakeReason = cause instanceof HandshakeFailure f ? f.reason() : null;
    }

    public Reason reason() {
        return reason;
    }

    /** The handshake's own reason when a handshake message was refused (for a timeout: the last one seen, if any). */
    public Optional<HandshakeFailure.Reason> handshakeReason() {
        return Optional.ofNullable(handshakeReason);
    }
}
