package io.ngisec.protocol.channel.frame;

/**
 * A run of {@code length} zero bytes: fills a record to a size (PMTU probes, hiding lengths).
 * The decoder reads a whole run of zero bytes as one frame, so two padding frames in a row come
 * back as one. Not ack-eliciting.
 */
public record PaddingFrame(int length) implements Frame {

    /** Refuses a length below 1. */
    public PaddingFrame {
        if (length < 1) {
            throw new IllegalArgumentException("padding length " + length);
        }
    }

    @Override
    public FrameType type() {
        return FrameType.PADDING;
    }
}
