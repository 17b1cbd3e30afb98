package io.ngisec.client.netcheck;

/** A datagram or attribute that is not a well-formed STUN message (RFC 8489 section 5); its message is one line. */
final class StunFormatException extends Exception {

    /** What is wrong with the input. */
    enum Reason { TRUNCATED, NOT_STUN, BAD_LENGTH, BAD_ATTRIBUTE }

    private final Reason reason;

    StunFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
