package io.ngisec.protocol.session;

import java.nio.ByteBuffer;

/**
 * What a session that sent CLOSE keeps while it drains (section 13.8 of the spec): the sealed
 * CLOSE datagram, sent again when the peer's packets show it was lost, and the end of the drain.
 * Repeats are rate limited by the peer's packets: the 1st, 2nd, 4th, 8th ... authenticated packet
 * after the CLOSE gets one, so a peer that keeps sending cannot make us send as much as it does.
 * Not thread safe.
 */
final class CloseDrain {

    private final byte[] datagram;
    private final long deadlineNanos;
    private long peerPackets;
    private long nextRepeatAt = 1;

    /** Drains until {@code deadlineNanos}, repeating {@code datagram} (kept, not copied). */
    CloseDrain(byte[] datagram, long deadlineNanos) {
        this.datagram = datagram;
        this.deadlineNanos = deadlineNanos;
    }

    /** The peer's packet arrived at {@code nowNanos}: whether to send the CLOSE again now. */
    boolean onPeerPacket(long nowNanos) {
        if (isOver(nowNanos)) {
            return false;
        }
        peerPackets++;
        if (peerPackets < nextRepeatAt) {
            return false;
        }
        nextRepeatAt *= 2;
        return true;
    }

    /** Whether the drain has ended at {@code nowNanos}. */
    boolean isOver(long nowNanos) {
        return nowNanos >= deadlineNanos;
    }

    /** When the drain ends. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The CLOSE datagram, as a fresh read-only view. */
    ByteBuffer datagram() {
        return ByteBuffer.wrap(datagram).asReadOnlyBuffer();
    }
}
