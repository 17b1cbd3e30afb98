package io.ngisec.protocol.congestion;

import java.util.List;

/**
 * Delivery-rate estimation after draft-cheng-iccrg-delivery-rate-estimation: at send time each
 * packet takes a {@link DeliveryState} snapshot; on an ACK, the most recently sent acknowledged
 * packet's snapshot against the connection's state now gives the bytes delivered over the longer
 * of the send and ACK intervals, which filters out ACK compression. Samples over an interval
 * shorter than the minimum RTT are discarded as the draft recommends. Not thread-safe.
 */
public final class DeliveryRateSampler {

    private long delivered;
    private long deliveredTime;
    private long firstSentTime;
    /** Delivered count at which the current app-limited period ends; 0 when not app-limited. */
    private long appLimitedUntil;

    /** The snapshot for a packet sent at {@code nowNanos} while {@code bytesInFlight} were already outstanding. */
    public DeliveryState onPacketSent(long nowNanos, long bytesInFlight) {
        if (bytesInFlight == 0) {
            // A new flight after idle: measure from here, not from the last ACK long ago.
            firstSentTime = nowNanos;
            deliveredTime = nowNanos;
        }
        return new DeliveryState(delivered, deliveredTime, firstSentTime, appLimitedUntil != 0);
    }

    /**
     * Marks the sender app-limited (it had nothing to send while the window allowed more), so
     * samples until the data now in flight is delivered are flagged.
     */
    public void onAppLimited(long bytesInFlight) {
        appLimitedUntil = Math.max(delivered + bytesInFlight, 1);
    }

    /** Folds in the packets one ACK newly acknowledged, received at {@code nowNanos}, and returns the sample. */
    public RateSample onAck(List<SentPacket> newlyAcked, long nowNanos, long minRttNanos) {
        if (newlyAcked.isEmpty()) {
            return RateSample.NONE;
        }
        SentPacket newest = null;
        for (SentPacket p : newlyAcked) {
            delivered += p.bytes();
            deliveredTime = nowNanos;
            if (newest == null || isNewer(p, newest)) {
                newest = p;
            }
        }
        if (appLimitedUntil != 0 && delivered > appLimitedUntil) {
            appLimitedUntil = 0;
        }
        DeliveryState s = newest.delivery();
        firstSentTime = newest.timeSentNanos();
        long sendElapsed = newest.timeSentNanos() - s.firstSentTimeNanos();
        long ackElapsed = nowNanos - s.deliveredTimeNanos();
        long interval = Math.max(sendElapsed, ackElapsed);
        long rtt = nowNanos - newest.timeSentNanos();
        if (interval <= 0 || interval < minRttNanos) {
            return new RateSample(delivered - s.delivered(), 0, rtt, s.delivered(), s.appLimited());
        }
        return new RateSample(delivered - s.delivered(), interval, rtt, s.delivered(), s.appLimited());
    }

    /** Bytes acknowledged over the connection's life. */
    public long delivered() {
        return delivered;
    }

    private static boolean isNewer(SentPacket a, SentPacket b) {
        return a.delivery().delivered() > b.delivery().delivered()
                || (a.delivery().delivered() == b.delivery().delivered() && a.timeSentNanos() > b.timeSentNanos());
    }
}
