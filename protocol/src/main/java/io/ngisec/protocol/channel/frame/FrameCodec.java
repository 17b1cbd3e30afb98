package io.ngisec.protocol.channel.frame;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes frames into, and decodes them from, the sealed payload of a DATA record (spec section
 * 10). Each frame value has exactly one encoding and every frame is self-delimiting, so frames
 * may be concatenated in any order. Decoding reads only between the payload's position and limit
 * and fails only with {@link FrameException}. Stateless and thread safe.
 */
public final class FrameCodec {

    private static final int TYPE_BYTES = 1;

    private FrameCodec() {
    }

    /** Bytes the encoding of {@code frame} takes. */
    public static int encodedLength(Frame frame) {
        return switch (frame) {
            case PaddingFrame f -> f.length();
            case PingFrame f -> TYPE_BYTES;
            case AckFrame f -> ackLength(f);
            case ResetStreamFrame f -> TYPE_BYTES + VarInt.length(f.streamId()) + VarInt.length(f.errorCode())
                    + VarInt.length(f.finalSize());
            case MaxDataFrame f -> TYPE_BYTES + VarInt.length(f.maximum());
            case MaxStreamDataFrame f -> TYPE_BYTES + VarInt.length(f.streamId()) + VarInt.length(f.maximum());
            case PathChallengeFrame f -> TYPE_BYTES + FrameLimits.PATH_DATA_BYTES;
            case PathResponseFrame f -> TYPE_BYTES + FrameLimits.PATH_DATA_BYTES;
            case DatagramFrame f -> datagramHeaderLength(f.channelId()) + VarInt.length(f.length()) + f.length();
            case StreamFrame f -> streamHeaderLength(f.streamId(), f.offset()) + VarInt.length(f.length()) + f.length();
        };
    }

    /** Bytes the encodings of {@code frames}, one after the other, take. */
    public static int encodedLength(List<? extends Frame> frames) {
        int total = 0;
        for (Frame f : frames) {
            total = Math.addExact(total, encodedLength(f));
        }
        return total;
    }

    /**
     * Writes {@code frame} at the buffer's position and advances it. Throws BufferOverflowException,
     * with nothing written, when the buffer has less room than {@link #encodedLength(Frame)}.
     */
    public static void encode(Frame frame, ByteBuffer out) {
        if (out.remaining() < encodedLength(frame)) {
            throw new BufferOverflowException();
        }
        switch (frame) {
            case PaddingFrame f -> {
                for (int i = 0; i < f.length(); i++) {
                    out.put((byte) 0);
                }
            }
            case PingFrame f -> putType(out, FrameType.PING);
            case AckFrame f -> putAck(f, out);
            case ResetStreamFrame f -> {
                putType(out, FrameType.RESET_STREAM);
                VarInt.write(f.streamId(), out);
                VarInt.write(f.errorCode(), out);
                VarInt.write(f.finalSize(), out);
            }
            case MaxDataFrame f -> {
                putType(out, FrameType.MAX_DATA);
                VarInt.write(f.maximum(), out);
            }
            case MaxStreamDataFrame f -> {
                putType(out, FrameType.MAX_STREAM_DATA);
                VarInt.write(f.streamId(), out);
                VarInt.write(f.maximum(), out);
            }
            case PathChallengeFrame f -> {
                putType(out, FrameType.PATH_CHALLENGE);
                putLong(out, f.data());
            }
            case PathResponseFrame f -> {
                putType(out, FrameType.PATH_RESPONSE);
                putLong(out, f.data());
            }
            case DatagramFrame f -> {
                putType(out, FrameType.DATAGRAM);
                VarInt.write(f.channelId(), out);
                VarInt.write(f.length(), out);
                f.putData(out);
            }
            case StreamFrame f -> {
                int flags = (f.offset() != 0 ? FrameType.STREAM_OFF_BIT : 0) | (f.fin() ? FrameType.STREAM_FIN_BIT : 0);
                out.put((byte) (FrameType.STREAM.code() | flags));
                VarInt.write(f.streamId(), out);
                if (f.offset() != 0) {
                    VarInt.write(f.offset(), out);
                }
                VarInt.write(f.length(), out);
                f.putData(out);
            }
        }
    }

    /**
     * Writes {@code frames} one after the other at the buffer's position and advances it. Throws
     * BufferOverflowException, with nothing written, when they do not all fit.
     */
    public static void encodeAll(List<? extends Frame> frames, ByteBuffer out) {
        if (out.remaining() < encodedLength(frames)) {
            throw new BufferOverflowException();
        }
        for (Frame f : frames) {
            encode(f, out);
        }
    }

    /**
     * Parses the whole payload, from its position to its limit, into frames. On success the
     * position is at the limit; on failure it is unchanged. A payload without frames is refused
     * (EMPTY_PAYLOAD), as is one that is not exactly the encoding of the frames it holds.
     */
    public static List<Frame> decodeAll(ByteBuffer payload) throws FrameException {
        ByteBuffer in = payload.duplicate();
        if (!in.hasRemaining()) {
            throw new FrameException(FrameException.Reason.EMPTY_PAYLOAD, "no frames");
        }
        List<Frame> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            frames.add(FrameDecoder.decode(in));
        }
        payload.position(payload.limit());
        return frames;
    }

    /**
     * Most data bytes a STREAM frame of {@code streamId} at {@code offset} may carry to fit in
     * {@code space} bytes, or -1 if not even an empty one fits. Never more than the stream can
     * still carry below offset 2^62 - 1.
     */
    public static int maxStreamDataLength(long streamId, long offset, int space) {
        FrameChecks.varInt("streamId", streamId);
        FrameChecks.varInt("offset", offset);
        long room = dataRoom(space - streamHeaderLength(streamId, offset));
        return (int) Math.min(room, VarInt.MAX_VALUE - offset);
    }

    /** Most data bytes a DATAGRAM frame of {@code channelId} may carry to fit in {@code space} bytes, or -1 if none fits. */
    public static int maxDatagramDataLength(long channelId, int space) {
        FrameChecks.varInt("channelId", channelId);
        return (int) dataRoom(space - datagramHeaderLength(channelId));
    }

    /** Largest n such that a length field for n and n bytes fit in {@code room} bytes; -1 if none. */
    private static long dataRoom(int room) {
        long best = -1;
        for (int lengthBytes = 1; lengthBytes <= 8; lengthBytes *= 2) {
            // The VarInt of n may be shorter than lengthBytes; then the frame is shorter still and fits.
            best = Math.max(best, Math.min((long) room - lengthBytes, VarInt.maxForLength(lengthBytes)));
        }
        return Math.max(best, -1);
    }

    private static int streamHeaderLength(long streamId, long offset) {
        return TYPE_BYTES + VarInt.length(streamId) + (offset != 0 ? VarInt.length(offset) : 0);
    }

    private static int datagramHeaderLength(long channelId) {
        return TYPE_BYTES + VarInt.length(channelId);
    }

    private static int ackLength(AckFrame f) {
        List<AckRange> ranges = f.ranges();
        AckRange first = ranges.getFirst();
        int n = TYPE_BYTES + VarInt.length(first.high()) + VarInt.length(f.ackDelayMicros())
                + VarInt.length(ranges.size() - 1) + VarInt.length(first.high() - first.low());
        for (int i = 1; i < ranges.size(); i++) {
            AckRange r = ranges.get(i);
            n += VarInt.length(gap(ranges.get(i - 1), r)) + VarInt.length(r.high() - r.low());
        }
        return n;
    }

    private static void putAck(AckFrame f, ByteBuffer out) {
        List<AckRange> ranges = f.ranges();
        AckRange first = ranges.getFirst();
        putType(out, FrameType.ACK);
        VarInt.write(first.high(), out);
        VarInt.write(f.ackDelayMicros(), out);
        VarInt.write(ranges.size() - 1, out);
        VarInt.write(first.high() - first.low(), out);
        for (int i = 1; i < ranges.size(); i++) {
            AckRange r = ranges.get(i);
            VarInt.write(gap(ranges.get(i - 1), r), out);
            VarInt.write(r.high() - r.low(), out);
        }
    }

    /** Unacknowledged packet numbers between two ranges, minus one (as in QUIC: at least one is missing, so 0 means one). */
    static long gap(AckRange higher, AckRange lower) {
        return higher.low() - lower.high() - 2;
    }

    private static void putType(ByteBuffer out, FrameType type) {
        out.put((byte) type.code());
    }

    // Byte by byte, so the caller's byte order does not matter: the wire is big endian.
    private static void putLong(ByteBuffer out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.put((byte) (v >>> shift));
        }
    }
}
