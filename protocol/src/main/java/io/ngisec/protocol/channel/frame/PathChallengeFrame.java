package io.ngisec.protocol.channel.frame;

/** Eight unpredictable bytes (as a big-endian long) the peer must echo in a {@link PathResponseFrame}: path validation and PMTU probes. */
public record PathChallengeFrame(long data) implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PATH_CHALLENGE;
    }
}
