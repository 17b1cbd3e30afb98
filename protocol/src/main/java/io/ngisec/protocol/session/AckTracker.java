package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.AckFrame;
import io.ngisec.protocol.channel.frame.AckRange;
import io.ngisec.protocol.congestion.ReceivedPacketNumbers;
import java.util.List;
import java.util.OptionalLong;

/**
 * The receiving side of acknowledgement: which record packet numbers arrived (as disjoint ranges)
 * and when an ACK is due: once {@code threshold} ack-eliciting packets are unacknowledged, or
 * {@code maxAckDelay} after the first of them (spec section 10.2: packets of only ACK and PADDING
 * are recorded but never make an ACK due). Keeps the newest {@link #MAX_TRACKED_RANGES} ranges
 * and puts at most {@link #MAX_ACK_RANGES} in one ACK; older ranges were acknowledged before, and
 * a peer that missed those ACKs learns again from later ones or retransmits.
 *
 * <p>Not thread safe: the session's thread owns it. Initially nothing received.
 */
final class AckTracker {

    /** Ranges per ACK frame: 32 ranges of packet numbers cover far more than a round trip of holes. */
    static final int MAX_ACK_RANGES = 32;
    /** Ranges remembered; the lowest is forgotten beyond this. */
    static final int MAX_TRACKED_RANGES = 64;

    private final long maxAckDelayNanos;
    private final int threshold;
    private final ReceivedPacketNumbers ranges = new ReceivedPacketNumbers(MAX_TRACKED_RANGES);
    private long largest = -1;
    private long largestReceivedAt;
    private int unackedEliciting;
    private long firstUnackedAt;
    private boolean newSinceAck;

    AckTracker(long maxAckDelayNanos, int threshold) {
        this.maxAckDelayNanos = maxAckDelayNanos;
        this.threshold = threshold;
    }

    /** Records an accepted packet received at {@code nowNanos}. */
    void onReceived(long packetNumber, boolean ackEliciting, long nowNanos) {
        ranges.add(packetNumber);
        newSinceAck = true;
        if (packetNumber > largest) {
            largest = packetNumber;
            largestReceivedAt = nowNanos;
        }
        if (ackEliciting) {
            if (unackedEliciting == 0) {
                firstUnackedAt = nowNanos;
            }
            unackedEliciting++;
        }
    }

    /** Whether an ACK must go out now. */
    boolean ackDue(long nowNanos) {
        return unackedEliciting >= threshold || (unackedEliciting > 0 && nowNanos >= firstUnackedAt + maxAckDelayNanos);
    }

    /** Whether ack-eliciting packets wait for an ACK, so one may ride along in any packet sent. */
    boolean ackPending() {
        return unackedEliciting > 0;
    }

    /** When the pending ACK falls due by delay, or empty if none is pending. */
    OptionalLong ackDeadline() {
        return unackedEliciting > 0 ? OptionalLong.of(firstUnackedAt + maxAckDelayNanos) : OptionalLong.empty();
    }

    /** The ACK of the newest ranges, with the delay since the largest arrived; resets what is due. */
    AckFrame buildAck(long nowNanos) {
        if (largest < 0) {
            throw new IllegalStateException("nothing received");
        }
        List<AckRange> out = ranges.newest(MAX_ACK_RANGES, AckRange::new);
        unackedEliciting = 0;
        newSinceAck = false;
        return new AckFrame(Math.max(0, nowNanos - largestReceivedAt) / 1000, out);
    }

    /** Whether anything arrived since the last ACK built (ack-eliciting or not). */
    boolean newSinceAck() {
        return newSinceAck;
    }
}
