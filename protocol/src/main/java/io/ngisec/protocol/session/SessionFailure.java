package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.HandshakeFailure;
import java.util.Optional;

/**
 * Why a session over a real path did not start or stopped. The one failure type of the session
 * drivers ({@link SessionHandshake}, {@link UdpSession}); the reason is for the local side (logs,
 * statistics, the user) and is never sent to the peer. When the session ended by a CLOSE (either
 * way) or the idle timer, {@link #closeReason()} says what the CLOSE carried.
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
        /** A new path did not answer its PATH_CHALLENGEs in time (or was abandoned for another); the session stayed where it was. */
        PATH_VALIDATION_FAILED,
        /** The session was closed locally. */
        CLOSED,
        /** The peer sent an authenticated CLOSE: see {@link #closeReason()} for its code and reason. */
        PEER_CLOSED,
        /** Nothing authenticated arrived from the peer for the idle timeout; no CLOSE was sent. */
        IDLE_TIMEOUT,
        /** The peer broke the protocol (flow control, final size, repeated malformed frames); we sent a CLOSE saying so. */
        PROTOCOL_VIOLATION
    }

    private final Reason reason;
    private final HandshakeFailure.Reason handshakeReason;
    private final CloseReason closeReason;

    public SessionFailure(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** {@code cause}, if a handshake failure, gives {@link #handshakeReason()}. */
    public SessionFailure(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
        this.handshakeReason = cause instanceof HandshakeFailure f ? f.reason() : null;
        this.closeReason = null;
    }

    /** The failure of a session that ended as {@code end} says. */
    public SessionFailure(SessionEnd end) {
        super(end.reason() + ": " + end.close().code()
                + (end.close().code() == CloseCode.APPLICATION ? " " + end.close().applicationCode() : "")
                + (end.close().reason().isEmpty() ? "" : " (" + printable(end.close().reason()) + ")"), null, false, false);
        this.reason = end.reason();
        this.handshakeReason = null;
        this.closeReason = end.close();
    }

    // The peer's reason is untrusted: keep line breaks and other controls out of logs.
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    public Reason reason() {
        return reason;
    }

    /** The handshake's own reason when a handshake message was refused (for a timeout: the last one seen, if any). */
    public Optional<HandshakeFailure.Reason> handshakeReason() {
        return Optional.ofNullable(handshakeReason);
    }

    /** What the CLOSE said (ours or the peer's), or {@link CloseReason#IDLE_TIMEOUT}; empty for other failures. */
    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(closeReason);
    }
}
