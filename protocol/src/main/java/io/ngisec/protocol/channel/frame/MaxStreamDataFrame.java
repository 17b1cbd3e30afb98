package io.ngisec.protocol.channel.frame;

/** Stream flow-control credit: the peer may send data of stream {@code streamId} up to offset {@code maximum}. */
public record MaxStreamDataFrame(long streamId, long maximum) implements Frame {

    /** Refuses values outside 0 .. 2^62 - 1. */
    public MaxStreamDataFrame {
        FrameChecks.varInt("streamId", streamId);
        FrameChecks.varInt("maximum", maximum);
    }

    @Override
    public FrameType type() {
        return FrameType.MAX_STREAM_DATA;
    }
}
