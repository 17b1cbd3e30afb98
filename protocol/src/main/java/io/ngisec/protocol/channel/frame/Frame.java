package io.ngisec.protocol.channel.frame;

/**
 * One frame of a DATA record's payload. Implementations are immutable records that check their
 * values on construction, so a frame that exists can be encoded (parse, don't validate).
 */
public sealed interface Frame
        permits PaddingFrame, PingFrame, AckFrame, StreamFrame, DatagramFrame, MaxDataFrame,
                MaxStreamDataFrame, ResetStreamFrame, PathChallengeFrame, PathResponseFrame {

    /** The frame's type. */
    FrameType type();

    /** Whether the receiver must acknowledge the record that carries this frame. */
    default boolean ackEliciting() {
        return type().ackEliciting();
    }
}
