package io.ngisec.protocol.channel.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Unreliable data of real-time channel {@code channelId} (a voice frame): never retransmitted, not
 * flow controlled. The data is copied in and out, so the frame stays immutable; equality compares contents.
 */
public record DatagramFrame(long channelId, byte[] data) implements Frame {

    /** Refuses a channel id outside 0 .. 2^62 - 1. */
    public DatagramFrame {
        FrameChecks.varInt("channelId", channelId);
        data = data.clone();
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
        return FrameType.DATAGRAM;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatagramFrame f && channelId == f.channelId && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(channelId) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DatagramFrame[channelId=" + channelId + ", length=" + data.length + ", data="
                + HexFormat.of().formatHex(data, 0, Math.min(data.length, 16)) + (data.length > 16 ? "..." : "") + "]";
    }
}
