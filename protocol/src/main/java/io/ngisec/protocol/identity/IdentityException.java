package io.ngisec.protocol.identity;

/**
 * Why a certificate or ticket was refused. The only checked failure of this package: parsers and
 * verifiers throw nothing else for bad input, whatever its origin.
 */
public final class IdentityException extends Exception {

    /** What was wrong, for callers that react differently (re-enroll, fetch a new ticket, drop). */
    public enum Reason {
        /** Not a well-formed NGISec certificate or ticket (bad encoding, missing or garbled fields). */
        MALFORMED,
        /** A certificate not signed by the trusted organization CA. */
        UNTRUSTED,
        /** A certificate past its notAfter, beyond the allowed clock skew. */
        EXPIRED,
        /** A certificate before its notBefore, beyond the allowed clock skew. */
        NOT_YET_VALID,
        /** A certificate whose serial or device the revocation checker reports revoked. */
        REVOKED,
        /** A valid certificate of the wrong kind (a ticket signer presented as a device, or the reverse). */
        WRONG_ROLE,
        /** A ticket whose signer key id matches no trusted ticket-signer certificate valid when it was issued. */
        UNKNOWN_SIGNER,
        /** A ticket whose signature does not verify under its signer's key. */
        BAD_SIGNATURE,
        /** A ticket past its expiry, beyond the allowed clock skew. */
        TICKET_EXPIRED,
        /** A ticket issued in the future, beyond the allowed clock skew. */
        TICKET_NOT_YET_VALID,
        /** A ticket still unexpired but issued longer ago than the verifier accepts. */
        TICKET_STALE,
        /** A ticket for another pair of devices than the one asking. */
        WRONG_PEER
    }

    private final Reason reason;

    public IdentityException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public IdentityException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** What was wrong. */
    public Reason reason() {
        return reason;
    }
}
