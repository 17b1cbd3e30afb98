package io.ngisec.protocol.session;

import java.util.Optional;

/**
 * Why a session ended, as a CLOSE record says it (section 13.8 of the spec), plus the one reason
 * that is never sent. Wire codes map to constants here only.
 */
public enum CloseCode {
    /** An orderly close: the application is done. */
    NO_ERROR(0),
    /** The peer broke the protocol: flow control, final size, or repeated malformed frames. */
    PROTOCOL_VIOLATION(1),
    /** The application closed for a reason of its own, given by an application code. */
    APPLICATION(2),
    /** Local only: nothing authenticated arrived for the idle timeout. Never sent: the peer is presumed gone. */
    IDLE_TIMEOUT(-1);

    private final int wireCode;

    CloseCode(int wireCode) {
        this.wireCode = wireCode;
    }

    /** Whether a CLOSE may carry this code. */
    public boolean isSent() {
        return wireCode >= 0;
    }

    /** The code on the wire; throws IllegalStateException for {@link #IDLE_TIMEOUT}. */
    public int wireCode() {
        if (!isSent()) {
            throw new IllegalStateException(this + " is never sent");
        }
        return wireCode;
    }

    /** The constant a CLOSE's code names, or empty for a code no CLOSE may carry. */
    public static Optional<CloseCode> fromWire(long code) {
        for (CloseCode c : values()) {
            if (c.isSent() && c.wireCode == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
