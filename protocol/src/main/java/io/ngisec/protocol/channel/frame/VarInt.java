package io.ngisec.protocol.channel.frame;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Variable-length integers as in RFC 9000 section 16: the top two bits of the first byte give the
 * length (00: 1 byte, 01: 2, 10: 4, 11: 8), the rest is the value, big endian, so values run from
 * 0 to 2^62 - 1. Unlike QUIC, NGISec requires the shortest encoding: a value in more bytes than it
 * needs is refused, so that every frame has exactly one encoding. Stateless.
 */
public final class VarInt {

    /** Largest value: 2^62 - 1. */
    public static final long MAX_VALUE = (1L << 62) - 1;

    private static final long MAX_1 = (1L << 6) - 1;
    private static final long MAX_2 = (1L << 14) - 1;
    private static final long MAX_4 = (1L << 30) - 1;

    private VarInt() {
    }

    /** Bytes the encoding of {@code value} takes: 1, 2, 4 or 8. Throws IllegalArgumentException outside 0 .. 2^62 - 1. */
    public static int length(long value) {
        checkRange(value);
        if (value <= MAX_1) {
            return 1;
        }
        if (value <= MAX_2) {
            return 2;
        }
        return value <= MAX_4 ? 4 : 8;
    }

    /** Largest value that encodes in {@code length} bytes (1, 2, 4 or 8). */
    static long maxForLength(int length) {
        return switch (length) {
            case 1 -> MAX_1;
            case 2 -> MAX_2;
            case 4 -> MAX_4;
            case 8 -> MAX_VALUE;
            default -> throw new IllegalArgumentException("no VarInt is " + length + " bytes");
        };
    }

    /**
     * Writes the shortest encoding of {@code value} at the buffer's position and advances it.
     * Throws IllegalArgumentException for a value out of range and BufferOverflowException, with
     * nothing written, when the buffer has too little room.
     */
    public static void write(long value, ByteBuffer out) {
        int length = length(value);
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        long prefix = switch (length) {
            case 1 -> 0L;
            case 2 -> 1L;
            case 4 -> 2L;
            default -> 3L;
        };
        long encoded = value | prefix << (8 * length - 2);
        for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
            out.put((byte) (encoded >>> shift));
        }
    }

    /**
     * Reads one VarInt at the buffer's position, never past its limit, and advances past it. On
     * failure (TRUNCATED, or NON_CANONICAL for a value that fits in fewer bytes) the position is unchanged.
     */
    public static long read(ByteBuffer in) throws FrameException {
        int at = in.position();
        if (at >= in.limit()) {
            throw new FrameException(FrameException.Reason.TRUNCATED, "VarInt at " + at);
        }
        int first = in.get(at) & 0xff;
        int length = 1 << (first >>> 6);
        if (in.limit() - at < length) {
            throw new FrameException(FrameException.Reason.TRUNCATED, length + "-byte VarInt at " + at);
        }
        long value = first & 0x3f;
        for (int i = 1; i < length; i++) {
            value = value << 8 | (in.get(at + i) & 0xff);
        }
        if (length > 1 && value <= maxForLength(length / 2)) {
            throw new FrameException(FrameException.Reason.NON_CANONICAL, value + " in " + length + " bytes");
        }
        in.position(at + length);
        return value;
    }

    private static void checkRange(long value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("VarInt out of range: " + value);
        }
    }
}
