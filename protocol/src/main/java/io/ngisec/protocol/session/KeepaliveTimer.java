package io.ngisec.protocol.session;

/**
 * When a session sends a PING to keep the path alive (section 13.8 of the spec): once it has sent
 * nothing ack-eliciting for the keepalive interval. The PING refreshes NAT bindings on the way and
 * the peer's idle timer, and its ACK refreshes ours, so two live peers never time out however
 * idle their applications are. Starts counting at its creation. Not thread safe.
 */
final class KeepaliveTimer {

    private final long intervalNanos;
    private long lastAckElicitingSentNanos;

    KeepaliveTimer(long intervalNanos, long nowNanos) {
        this.intervalNanos = intervalNanos;
        this.lastAckElicitingSentNanos = nowNanos;
    }

    /** An ack-eliciting packet left at {@code nowNanos}. */
    void onAckElicitingSent(long nowNanos) {
        lastAckElicitingSentNanos = Math.max(lastAckElicitingSentNanos, nowNanos);
    }

    /** When the next PING is due if nothing ack-eliciting goes out before. */
    long deadlineNanos() {
        return intervalNanos > Long.MAX_VALUE - lastAckElicitingSentNanos
                ? Long.MAX_VALUE : lastAckElicitingSentNanos + intervalNanos;
    }

    /** Whether a PING is due at {@code nowNanos}. */
    boolean isDue(long nowNanos) {
        return nowNanos >= deadlineNanos();
    }
}
