package io.ngisec.app.diagnostics;

import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.SessionStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The recent chart points of one session: one per sample, the oldest dropped once they are more
 * than {@link #WINDOW_SECONDS} older than the newest. Loss is per interval (between this sample
 * and the previous), not since the session began, so a burst shows where it happened. Not thread
 * safe (the FX thread owns it).
 */
final class SessionHistory {

    /** How far back the charts reach: five minutes. */
    static final double WINDOW_SECONDS = 300;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private long lastSent = -1;
    private long lastLost;
    private long lastDue;
    private long lastMissing;

    /** Adds the point of {@code s} at {@code seconds} (not before the previous one) and returns it. */
    Sample add(double seconds, SessionStats s) {
        long sent = s.packetsSent();
        long lost = s.classes().values().stream().mapToLong(ClassStats::packetsLost).sum();
        long due = s.inbound().highestPacketNumber() + 1;
        long missing = s.inbound().packetsMissing();
        double lossOut = 0;
        double lossIn = 0;
        if (lastSent >= 0) {
            lossOut = fraction(lost - lastLost, sent - lastSent);
            lossIn = fraction(missing - lastMissing, due - lastDue);
        }
        lastSent = sent;
        lastLost = lost;
        lastDue = due;
        lastMissing = missing;
        Sample sample = new Sample(seconds, s.rtt().sampled() ? s.rtt().smoothed().toNanos() / 1e6 : 0,
                s.sendRate() * 8 / 1000, s.receiveRate() * 8 / 1000, 100 * lossOut, 100 * lossIn);
        samples.addLast(sample);
        while (samples.getFirst().seconds() < seconds - WINDOW_SECONDS) {
            samples.removeFirst();
        }
        return sample;
    }

    /** The points kept, oldest first. */
    List<Sample> samples() {
        return List.copyOf(samples);
    }

    // Missing packets that arrive late make the count go down: such an interval shows no loss.
    private static double fraction(long part, long whole) {
        return whole <= 0 || part <= 0 ? 0 : Math.min(1, (double) part / whole);
    }
}
