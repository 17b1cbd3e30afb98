package io.ngisec.protocol.channel.frame;

/** Connection flow-control credit: the peer may send stream data up to {@code maximum} bytes in total. */
public record MaxDataFrame(long maximum) implements Frame {

    /** Refuses a value outside 0 .. 2^62 - 1. */
    public MaxDataFrame {
        FrameChecks.varInt("maximum", maximum);
    }

    @Override
    public FrameType type() {
        return FrameType.MAX_DATA;
    }
}
