package io.ngisec.protocol.channel.frame;

/**
 * The sender abandons stream {@code streamId} with an application {@code errorCode}; {@code finalSize}
 * is how many bytes of the stream it had sent, so flow-control accounting stays exact.
 */
public record ResetStreamFrame(long streamId, long errorCode, long finalSize) implements Frame {

    /** Refuses values outside 0 .. 2^62 - 1. */
    public ResetStreamFrame {
        FrameChecks.varInt("streamId", streamId);
        FrameChecks.varInt("errorCode", errorCode);
        FrameChecks.varInt("finalSize", finalSize);
    }

    @Override
    public FrameType type() {
        return FrameType.RESET_STREAM;
    }
}
