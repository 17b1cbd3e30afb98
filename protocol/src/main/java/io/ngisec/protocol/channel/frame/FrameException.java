package io.ngisec.protocol.channel.frame;

/**
 * The one failure of this package: a frame payload that does not parse. Raised only for received
 * bytes; encoding a frame value cannot fail except for lack of room.
 */
public final class FrameException extends Exception {

    /** Why a payload was refused. */
    public enum Reason {
        /** The payload has no frames at all. */
        EMPTY_PAYLOAD,
        /** A frame or an integer runs past the end of the payload. */
        TRUNCATED,
        /** A type byte no {@link FrameType} has. */
        UNKNOWN_TYPE,
        /** A value encoded in more bytes than it needs (a long VarInt, an explicit zero offset). */
        NON_CANONICAL,
        /** A value out of its range: ACK ranges below zero, a stream past 2^62 - 1 bytes. */
        BAD_VALUE,
        /** More ACK ranges than {@link FrameLimits#MAX_ACK_RANGES}. */
        TOO_MANY_ACK_RANGES
    }

    private final Reason reason;

    /** A failure for {@code reason}, with a detail message for logs. */
    public FrameException(Reason reason, String message) {
        // No stack trace: raised for attacker-chosen input (after authentication, but still), so it must be cheap.
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
