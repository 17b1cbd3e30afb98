package io.ngisec.protocol.session;

import java.util.Objects;

/**
 * Why and how a {@link SessionCore} ended: {@code reason} is {@link SessionFailure.Reason#CLOSED}
 * (closed locally; {@code close} is what our CLOSE said), {@link SessionFailure.Reason#PROTOCOL_VIOLATION}
 * (we closed because the peer broke the protocol; {@code close} is what we sent),
 * {@link SessionFailure.Reason#PEER_CLOSED} ({@code close} is what the peer's CLOSE said) or
 * {@link SessionFailure.Reason#IDLE_TIMEOUT} ({@code close} is {@link CloseReason#IDLE_TIMEOUT};
 * nothing was sent). Immutable.
 */
public record SessionEnd(SessionFailure.Reason reason, CloseReason close) {

    public SessionEnd {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(close, "close");
    }

    /** Whether the peer ended the session (rather than this side or the idle timer). */
    public boolean byPeer() {
        return reason == SessionFailure.Reason.PEER_CLOSED;
    }
}
