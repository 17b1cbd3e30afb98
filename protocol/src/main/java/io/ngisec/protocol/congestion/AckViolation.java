package io.ngisec.protocol.congestion;

/**
 * An ACK the peer could not honestly have sent: it acknowledges a packet number this side never
 * used. RFC 9002 treats this as a PROTOCOL_VIOLATION connection error; the session closes.
 */
public final class AckViolation extends Exception {

    public AckViolation(String detail) {
        super(detail, null, false, false);
    }
}
