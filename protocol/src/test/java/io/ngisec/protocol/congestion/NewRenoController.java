package io.ngisec.protocol.congestion;

import java.util.List;

/**
 * The NewReno controller of RFC 9002, section 7 (slow start, congestion avoidance, one window
 * halving per recovery period, pacing at 1.25 x cwnd / smoothed_rtt), kept in test scope as the
 * loss-based baseline the simulation compares {@link BbrController} against. Persistent congestion
 * is left out. Not thread-safe.
 */
final class NewRenoController implements CongestionController {

    private final int maxDatagramBytes;
    private final RttEstimator rtt;
    private long cwnd;
    private long ssthresh = Long.MAX_VALUE;
    private long recoveryStartTime = Long.MIN_VALUE;
    private long ackedInAvoidance;

    NewRenoController(int maxDatagramBytes, RttEstimator rtt) {
        this.maxDatagramBytes = maxDatagramBytes;
        this.rtt = rtt;
        this.cwnd = Math.min(10L * maxDatagramBytes, Math.max(14_720L, 2L * maxDatagramBytes));
    }

    @Override
    public void onPacketSent(long nowNanos, int bytes, long bytesInFlight) {
    }

    @Override
    public void onAcked(long nowNanos, List<SentPacket> acked, RateSample sample, long bytesInFlight) {
        for (SentPacket p : acked) {
            if (p.timeSentNanos() <= recoveryStartTime) {
                continue; // sent before the last reduction: it says nothing about the new window
            }
            if (cwnd < ssthresh) {
                cwnd += p.bytes();
            } else {
                ackedInAvoidance += p.bytes();
                if (ackedInAvoidance >= cwnd) {
                    ackedInAvoidance -= cwnd;
                    cwnd += maxDatagramBytes;
                }
            }
        }
    }

    @Override
    public void onLost(long nowNanos, List<SentPacket> lost, long bytesInFlight) {
        if (lost.isEmpty() || lost.getLast().timeSentNanos() <= recoveryStartTime) {
            return;
        }
        recoveryStartTime = nowNanos;
        ssthresh = Math.max(cwnd / 2, 2L * maxDatagramBytes);
        cwnd = ssthresh;
        ackedInAvoidance = 0;
    }

    @Override
    public double pacingRate() {
        return 1.25 * cwnd * 1e9 / Math.max(rtt.smoothedRtt(), 1);
    }

    @Override
    public long congestionWindow() {
        return cwnd;
    }
}
