package io.ngisec.protocol.channel.frame;

/**
 * The frame types and their type bytes: the one table of codes (spec section 10). A frame starts
 * with one type byte; STREAM uses the low two bits of its byte as flags (OFF 0x02, FIN 0x01), so
 * it owns codes 0x10 to 0x13. Every other byte is unknown and refused.
 */
public enum FrameType {
    /** 0x00: one zero byte; a run of them is one {@link PaddingFrame}. */
    PADDING(0x00, 0, false),
    /** 0x01: asks for an acknowledgement, nothing else. */
    PING(0x01, 0, true),
    /** 0x02: acknowledged record packet numbers. */
    ACK(0x02, 0, false),
    /** 0x03: the sender abandons a stream. */
    RESET_STREAM(0x03, 0, true),
    /** 0x04: connection-wide flow-control credit. */
    MAX_DATA(0x04, 0, true),
    /** 0x05: per-stream flow-control credit. */
    MAX_STREAM_DATA(0x05, 0, true),
    /** 0x06: path validation or PMTU probe, to be echoed. */
    PATH_CHALLENGE(0x06, 0, true),
    /** 0x07: the echo of a PATH_CHALLENGE. */
    PATH_RESPONSE(0x07, 0, true),
    /** 0x08: unreliable data of a real-time channel. */
    DATAGRAM(0x08, 0, true),
    /** 0x10 to 0x13: reliable ordered stream data; flag bits OFF 0x02 and FIN 0x01. */
    STREAM(0x10, 0x03, true);

    /** STREAM flag: an offset field follows the stream id (set exactly when the offset is not 0). */
    public static final int STREAM_OFF_BIT = 0x02;

    /** STREAM flag: the frame ends the stream. */
    public static final int STREAM_FIN_BIT = 0x01;

    private static final FrameType[] BY_BYTE = byByte();

    private final int code;
    private final int flagBits;
    private final boolean ackEliciting;

    FrameType(int code, int flagBits, boolean ackEliciting) {
        this.code = code;
        this.flagBits = flagBits;
        this.ackEliciting = ackEliciting;
    }

    /** The type byte with no flags set. */
    public int code() {
        return code;
    }

    /** Whether receiving a frame of this type obliges the receiver to send an ACK (all but ACK and PADDING). */
    public boolean ackEliciting() {
        return ackEliciting;
    }

    /** The type whose code, with any of its flags, is {@code typeByte}; null if none. */
    public static FrameType byTypeByte(int typeByte) {
        return typeByte >= 0 && typeByte < BY_BYTE.length ? BY_BYTE[typeByte] : null;
    }

    private static FrameType[] byByte() {
        FrameType[] table = new FrameType[256];
        for (FrameType t : values()) {
            for (int flags = 0; flags <= t.flagBits; flags++) {
                if ((flags & ~t.flagBits) == 0) {
                    table[t.code | flags] = t;
                }
            }
        }
        return table;
    }
}
