package io.ngisec.client.call;

/** A datagram on the real-time channel that is not a well-formed {@link MediaFrame}; its message is one line. */
public final class MalformedMediaException extends Exception {

    /** What is wrong with the datagram. */
    public enum Reason {
        /** Shorter than the header plus a one-byte Opus packet. */
        TRUNCATED,
        /** A header version this code does not speak. */
        UNKNOWN_VERSION,
        /** A reserved flag bit is set (a newer sender changes the version instead). */
        RESERVED_FLAGS,
        /** The Opus packet is longer than Opus allows for a frame. */
        OVERSIZED
    }

    private final Reason reason;

    MalformedMediaException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the datagram was refused, for counting. */
    public Reason reason() {
        return reason;
    }
}
