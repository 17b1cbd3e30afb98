package io.ngisec.protocol.channel.frame;

/** The echo of a {@link PathChallengeFrame}'s eight bytes (as a big-endian long). */
public record PathResponseFrame(long data) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PATH_RESPONSE;
    }
}
