package io.ngisec.protocol.handshake;

/**
 * Why a handshake did not produce a session. The only exception the handshake state machines
 * throw; the reason is for the local side (logs, statistics, the user), never sent to the peer.
 */
public final class HandshakeFailure extends Exception {

    /** The catalogue of handshake failures. */
    public enum Reason {
        /** A message or payload did not parse: truncated, trailing bytes, unknown version. */
        MALFORMED,
        /** A Noise message failed authentication: tampered, or not from the expected key. */
        DECRYPT_FAILED,
        /** A message arrived that this side is not waiting for. */
        UNEXPECTED_MESSAGE,
        /** The peer's certificate is not signed by this organization's CA. */
        CERT_UNTRUSTED,
        CERT_EXPIRED,
        CERT_NOT_YET_VALID,
        CERT_REVOKED,
        /** A certificate issued for another role (a ticket signer presented as a device). */
        CERT_WRONG_ROLE,
        /** The certificate's Noise key is not the static key the peer proved in the handshake. */
        KEY_MISMATCH,
        /** The peer, or the ticket, names a different device than this handshake is between. */
        WRONG_PEER,
        TICKET_UNKNOWN_SIGNER,
        TICKET_BAD_SIGNATURE,
        TICKET_EXPIRED,
        TICKET_NOT_YET_VALID,
        TICKET_STALE
    }

    private final Reason reason;

    public HandshakeFailure(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public HandshakeFailure(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
