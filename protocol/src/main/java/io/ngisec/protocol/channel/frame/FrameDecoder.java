package io.ngisec.protocol.channel.frame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one frame at a time for {@link FrameCodec#decodeAll}. Every read goes through
 * {@link VarInt#read} or a length check against the buffer's limit, so nothing past the payload is
 * read and no failure but {@link FrameException} escapes.
 */
final class FrameDecoder {

    private FrameDecoder() {
    }

    /** Reads the frame at the buffer's position and advances past it. */
    static Frame decode(ByteBuffer in) throws FrameException {
        int typeByte = in.get() & 0xff;
        FrameType type = FrameType.byTypeByte(typeByte);
        if (type == null) {
            throw new FrameException(FrameException.Reason.UNKNOWN_TYPE, String.format("0x%02x", typeByte));
        }
        return switch (type) {
            case PADDING -> padding(in);
            case PING -> new PingFrame();
            case ACK -> ack(in);
            case RESET_STREAM -> new ResetStreamFrame(VarInt.read(in), VarInt.read(in), VarInt.read(in));
            case MAX_DATA -> new MaxDataFrame(VarInt.read(in));
            case MAX_STREAM_DATA -> new MaxStreamDataFrame(VarInt.read(in), VarInt.read(in));
            case PATH_CHALLENGE -> new PathChallengeFrame(pathData(in));
            case PATH_RESPONSE -> new PathResponseFrame(pathData(in));
            case DATAGRAM -> datagram(in);
            case STREAM -> stream(in, typeByte);
        };
    }

    private static PaddingFrame padding(ByteBuffer in) {
        int length = 1;
        while (in.hasRemaining() && in.get(in.position()) == 0) {
            in.get();
            length++;
        }
        return new PaddingFrame(length);
    }

    private static AckFrame ack(ByteBuffer in) throws FrameException {
        long largest = VarInt.read(in);
        long delay = VarInt.read(in);
        long extraRanges = VarInt.read(in);
        if (extraRanges >= FrameLimits.MAX_ACK_RANGES) {
            throw new FrameException(FrameException.Reason.TOO_MANY_ACK_RANGES, (extraRanges + 1) + " ranges");
        }
        long firstLength = VarInt.read(in);
        if (firstLength > largest) {
            throw new FrameException(FrameException.Reason.BAD_VALUE, "first ack range below 0");
        }
        List<AckRange> ranges = new ArrayList<>((int) extraRanges + 1);
        long low = largest - firstLength;
        ranges.add(new AckRange(low, largest));
        for (long i = 0; i < extraRanges; i++) {
            long gap = VarInt.read(in);
            long length = VarInt.read(in);
            // Both are at most 2^62 - 1, so these sums cannot overflow.
            if (gap + 2 > low || length > low - gap - 2) {
                throw new FrameException(FrameException.Reason.BAD_VALUE, "ack range below 0");
            }
            long high = low - gap - 2;
            low = high - length;
            ranges.add(new AckRange(low, high));
        }
        return new AckFrame(delay, ranges);
    }

    private static long pathData(ByteBuffer in) throws FrameException {
        requireBytes(in, FrameLimits.PATH_DATA_BYTES, "path data");
        long v = 0;
        for (int i = 0; i < FrameLimits.PATH_DATA_BYTES; i++) {
            v = v << 8 | (in.get() & 0xff);
        }
        return v;
    }

    private static DatagramFrame datagram(ByteBuffer in) throws FrameException {
        long channelId = VarInt.read(in);
        return new DatagramFrame(channelId, data(in));
    }

    private static StreamFrame stream(ByteBuffer in, int typeByte) throws FrameException {
        long streamId = VarInt.read(in);
        long offset = 0;
        if ((typeByte & FrameType.STREAM_OFF_BIT) != 0) {
            offset = VarInt.read(in);
            if (offset == 0) {
                throw new FrameException(FrameException.Reason.NON_CANONICAL, "explicit stream offset 0");
            }
        }
        byte[] data = data(in);
        if (data.length > VarInt.MAX_VALUE - offset) {
            throw new FrameException(FrameException.Reason.BAD_VALUE, "stream data ends past 2^62-1");
        }
        return new StreamFrame(streamId, offset, data, (typeByte & FrameType.STREAM_FIN_BIT) != 0);
    }

    /** A length VarInt and that many bytes. */
    private static byte[] data(ByteBuffer in) throws FrameException {
        long length = VarInt.read(in);
        if (length > in.remaining()) {
            throw new FrameException(FrameException.Reason.TRUNCATED, length + " data bytes");
        }
        byte[] data = new byte[(int) length];
        in.get(data);
        return data;
    }

    private static void requireBytes(ByteBuffer in, int n, String what) throws FrameException {
        if (in.remaining() < n) {
            throw new FrameException(FrameException.Reason.TRUNCATED, what);
        }
    }
}
