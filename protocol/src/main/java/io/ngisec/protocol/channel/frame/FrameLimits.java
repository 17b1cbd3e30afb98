package io.ngisec.protocol.channel.frame;

/** Specification limits on frame values; a sender never exceeds them and a receiver refuses what does. */
public final class FrameLimits {

    /** Largest value of any integer field, and largest stream offset plus length: 2^62 - 1, what a VarInt holds. */
    public static final long MAX_VALUE = VarInt.MAX_VALUE;

    /**
     * Most ranges one ACK frame may carry. Bounds the work and memory of parsing one frame; 256
     * ranges describe a loss pattern far worse than a session can usefully recover from, and a
     * receiver that has more gaps simply reports the newest 256.
     */
    public static final int MAX_ACK_RANGES = 256;

    /** Length of the data of PATH_CHALLENGE and PATH_RESPONSE. */
    public static final int PATH_DATA_BYTES = 8;

    private FrameLimits() {
    }
}
