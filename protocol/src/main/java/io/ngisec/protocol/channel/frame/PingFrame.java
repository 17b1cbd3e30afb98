package io.ngisec.protocol.channel.frame;

/** Asks the peer for an acknowledgement: keepalive and liveness check. Carries nothing. */
public record PingFrame() implements Frame {

    @Override
    public FrameType type() {
        return FrameType.PING;
    }
}
