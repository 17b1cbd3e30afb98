package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.noise.NoiseException;

/** The one place where failures of the layers below become handshake failure reasons. */
final class Failures {

    private Failures() {
    }

    static HandshakeFailure from(IdentityException e) {
        Reason reason = switch (e.reason()) {
            case MALFORMED -> Reason.MALFORMED;
            case UNTRUSTED -> Reason.CERT_UNTRUSTED;
            case EXPIRED -> Reason.CERT_EXPIRED;
            case NOT_YET_VALID -> Reason.CERT_NOT_YET_VALID;
            case REVOKED -> Reason.CERT_REVOKED;
            case WRONG_ROLE -> Reason.CERT_WRONG_ROLE;
            case UNKNOWN_SIGNER -> Reason.TICKET_UNKNOWN_SIGNER;
            case BAD_SIGNATURE -> Reason.TICKET_BAD_SIGNATURE;
            case TICKET_EXPIRED -> Reason.TICKET_EXPIRED;
            case TICKET_NOT_YET_VALID -> Reason.TICKET_NOT_YET_VALID;
            case TICKET_STALE -> Reason.TICKET_STALE;
            case WRONG_PEER -> Reason.WRONG_PEER;
        };
        return new HandshakeFailure(reason, e.getMessage(), e);
    }

    static HandshakeFailure from(NoiseException e) {
        Reason reason = switch (e.reason()) {
            case DECRYPT_FAILED, DH_FAILED -> Reason.DECRYPT_FAILED;
            case WRONG_STATE -> Reason.UNEXPECTED_MESSAGE;
            default -> Reason.MALFORMED;
        };
        return new HandshakeFailure(reason, e.getMessage(), e);
    }
}
