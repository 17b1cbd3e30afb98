package io.ngisec.protocol.channel.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes {@code offset} .. {@code offset + data.length - 1} of reliable ordered stream
 * {@code streamId}; {@code fin} marks the last of them as the stream's end. The data is copied in
 * and out, so the frame stays immutable; equality compares contents.
 */
public record StreamFrame(long streamId, long offset, byte[] data, boolean fin) implements Frame {

    /** Refuses ids and offsets outside 0 .. 2^62 - 1, and data that would end past 2^62 - 1. */
    public StreamFrame {
        FrameChecks.varInt("streamId", streamId);
        FrameChecks.varInt("offset", offset);
        data = data.clone();
        if (data.length > VarInt.MAX_VALUE - offset) {
            throw new IllegalArgumentException("stream data ends past 2^62-1: offset " + offset);
        }
    }

    /** A copy of the data. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** How many data bytes the frame carries. */
    public int length() {
        return data.length;
    }

    /** Writes the data, without copying it first. */
    void putData(ByteBuffer out) {
        out.put(data);
    }

    @Override
    public FrameType type() {
        return FrameType.STREAM;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamFrame f && streamId == f.streamId && offset == f.offset && fin == f.fin
                && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(streamId) * 31 + Long.hashCode(offset) * 17 + Arrays.hashCode(data) + (fin ? 1 : 0);
    }

    @Override
    public String toString() {
        return "StreamFrame[streamId=" + streamId + ", offset=" + offset + ", length=" + data.length
                + ", fin=" + fin + ", data=" + HexFormat.of().formatHex(data, 0, Math.min(data.length, 16))
                + (data.length > 16 ? "..." : "") + "]";
    }
}
