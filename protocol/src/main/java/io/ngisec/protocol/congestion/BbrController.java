package io.ngisec.protocol.congestion;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A BBR-style congestion controller after BBR version 1 (draft-cardwell-iccrg-bbr-congestion-control):
 * it models the path by its bottleneck bandwidth (windowed maximum of delivery-rate samples over
 * {@link #BTLBW_FILTER_ROUNDS} round trips) and its minimum RTT (over {@link #MIN_RTT_WINDOW_NANOS}),
 * paces at a gain times the bandwidth and caps the window at twice the bandwidth-delay product.
 * Loss is not a congestion signal here, so random loss does not collapse the rate; a full
 * drop-tail queue still shows up as a bandwidth that stops growing. Modes: STARTUP (gain 2.89
 * until the bandwidth grows less than 25% for 3 rounds), DRAIN, PROBE_BW (gain cycle 1.25, 0.75,
 * then 1 for six phases of one min RTT each) and PROBE_RTT (4 packets for 200 ms once the min RTT
 * is 10 s old). The starting phase of the gain cycle comes from the injected random source. Not
 * thread-safe.
 */
public final class BbrController implements CongestionController {

    /** The gain, 2/ln 2, that doubles the sending rate every round in STARTUP. */
    static final double HIGH_GAIN = 2.885;
    static final double[] PROBE_BW_GAINS = {1.25, 0.75, 1, 1, 1, 1, 1, 1};
    static final double PROBE_BW_CWND_GAIN = 2;
    static final int BTLBW_FILTER_ROUNDS = 10;
    static final long MIN_RTT_WINDOW_NANOS = 10_000_000_000L;
    static final long PROBE_RTT_DURATION_NANOS = 200_000_000L;
    static final int MIN_CWND_PACKETS = 4;
    static final int INITIAL_CWND_PACKETS = 10;
    static final double FULL_BW_GROWTH = 1.25;
    static final int FULL_BW_ROUNDS = 3;

    /** BBR's state machine. */
    public enum Mode { STARTUP, DRAIN, PROBE_BW, PROBE_RTT }

    private final int maxDatagramBytes;
    private final RandomGenerator random;
    private final WindowedMaxFilter btlBw = new WindowedMaxFilter(BTLBW_FILTER_ROUNDS);

    private Mode mode = Mode.STARTUP;
    private double pacingGain = HIGH_GAIN;
    private double cwndGain = HIGH_GAIN;
    private long cwnd;
    private double pacingRate;

    private long delivered;
    private long nextRoundDelivered;
    private long roundCount;
    private boolean roundStart;

    private double fullBw;
    private int fullBwCount;
    private boolean filledPipe;

    private long minRtt = Long.MAX_VALUE;
    private long minRttStamp;

    private int cycleIndex;
    private long cycleStamp;
    private boolean lossInPhase;

    private long probeRttDoneStamp;
    private boolean probeRttRoundDone;
    private long priorCwnd;

    /** A controller for packets of up to {@code maxDatagramBytes}; {@code random} picks where the gain cycle starts. */
    public BbrController(int maxDatagramBytes, RandomGenerator random) {
        this.maxDatagramBytes = maxDatagramBytes;
        this.random = random;
        this.cwnd = (long) INITIAL_CWND_PACKETS * maxDatagramBytes;
        // No RTT yet: assume 1 ms, as the draft does, so the first window goes out quickly but paced.
        this.pacingRate = HIGH_GAIN * cwnd * 1e9 / 1_000_000L;
    }

    @Override
    public void onPacketSent(long nowNanos, int bytes, long bytesInFlight) {
        // BBR reacts to what is delivered, not to what is sent.
    }

    @Override
    public void onAcked(long nowNanos, List<SentPacket> acked, RateSample sample, long bytesInFlight) {
        if (acked.isEmpty()) {
            return;
        }
        long ackedBytes = 0;
        long newestPriorDelivered = 0;
        for (SentPacket p : acked) {
            ackedBytes += p.bytes();
            newestPriorDelivered = Math.max(newestPriorDelivered, p.delivery().delivered());
        }
        delivered += ackedBytes;
        updateRound(newestPriorDelivered);
        updateBtlBw(sample);
        if (mode == Mode.PROBE_BW && isNextCyclePhase(nowNanos, bytesInFlight + ackedBytes)) {
            advanceCyclePhase(nowNanos);
        }
        checkFullPipe(sample);
        checkDrain(nowNanos, bytesInFlight);
        updateMinRtt(nowNanos, sample);
        if (mode == Mode.PROBE_RTT) {
            handleProbeRtt(nowNanos, bytesInFlight);
        }
        setPacingRate();
        setCwnd(ackedBytes);
    }

    @Override
    public void onLost(long nowNanos, List<SentPacket> lost, long bytesInFlight) {
        // Only the probing phase listens: loss ends a bandwidth probe early. The model is untouched.
        if (!lost.isEmpty()) {
            lossInPhase = true;
        }
    }

    @Override
    public double pacingRate() {
        return pacingRate;
    }

    @Override
    public long congestionWindow() {
        return cwnd;
    }

    /** The current mode. */
    public Mode mode() {
        return mode;
    }

    /** The bottleneck bandwidth estimate, bytes per second; 0 before the first sample. */
    public double bottleneckBandwidth() {
        return btlBw.max();
    }

    /** The minimum RTT estimate, nanoseconds; {@link Long#MAX_VALUE} before the first sample. */
    public long minRtt() {
        return minRtt;
    }

    /** The current pacing gain. */
    public double pacingGain() {
        return pacingGain;
    }

    private void updateRound(long packetDelivered) {
        roundStart = false;
        if (packetDelivered >= nextRoundDelivered) {
            nextRoundDelivered = delivered;
            roundCount++;
            roundStart = true;
        }
    }

    private void updateBtlBw(RateSample sample) {
        if (!sample.valid()) {
            return;
        }
        double rate = sample.deliveryRate();
        // App-limited samples only count when they show more than we knew: they cannot overstate.
        if (!sample.appLimited() || rate >= btlBw.max()) {
            btlBw.update(roundCount, rate);
        }
    }

    private void checkFullPipe(RateSample sample) {
        if (filledPipe || !roundStart || sample.appLimited()) {
            return;
        }
        double bw = btlBw.max();
        if (bw >= fullBw * FULL_BW_GROWTH) {
            fullBw = bw;
            fullBwCount = 0;
            return;
        }
        if (++fullBwCount >= FULL_BW_ROUNDS) {
            filledPipe = true;
        }
    }

    private void checkDrain(long nowNanos, long bytesInFlight) {
        if (mode == Mode.STARTUP && filledPipe) {
            mode = Mode.DRAIN;
            pacingGain = 1 / HIGH_GAIN;
            cwndGain = HIGH_GAIN;
        }
        if (mode == Mode.DRAIN && bytesInFlight <= inflightTarget(1.0)) {
            enterProbeBw(nowNanos);
        }
    }

    private void enterProbeBw(long nowNanos) {
        mode = Mode.PROBE_BW;
        cwndGain = PROBE_BW_CWND_GAIN;
        // Any phase but the draining one, so that flows sharing a bottleneck do not probe in step.
        cycleIndex = PROBE_BW_GAINS.length - 1 - random.nextInt(PROBE_BW_GAINS.length - 1);
        advanceCyclePhase(nowNanos);
    }

    private void advanceCyclePhase(long nowNanos) {
        cycleIndex = (cycleIndex + 1) % PROBE_BW_GAINS.length;
        cycleStamp = nowNanos;
        pacingGain = PROBE_BW_GAINS[cycleIndex];
        lossInPhase = false;
    }

    private boolean isNextCyclePhase(long nowNanos, long priorInflight) {
        boolean fullLength = nowNanos - cycleStamp > minRtt;
        if (pacingGain > 1) {
            return fullLength && (lossInPhase || priorInflight >= inflightTarget(pacingGain));
        }
        if (pacingGain < 1) {
            return fullLength || priorInflight <= inflightTarget(1.0);
        }
        return fullLength;
    }

    private void updateMinRtt(long nowNanos, RateSample sample) {
        boolean expired = minRtt != Long.MAX_VALUE && nowNanos > minRttStamp + MIN_RTT_WINDOW_NANOS;
        if (sample.rttNanos() > 0 && (sample.rttNanos() < minRtt || expired)) {
            minRtt = sample.rttNanos();
            minRttStamp = nowNanos;
        }
        if (expired && mode != Mode.PROBE_RTT) {
            mode = Mode.PROBE_RTT;
            pacingGain = 1;
            cwndGain = 1;
            priorCwnd = cwnd;
            probeRttDoneStamp = 0;
        }
    }

    private void handleProbeRtt(long nowNanos, long bytesInFlight) {
        if (probeRttDoneStamp == 0) {
            if (bytesInFlight <= minCwnd()) {
                probeRttDoneStamp = nowNanos + PROBE_RTT_DURATION_NANOS;
                probeRttRoundDone = false;
                nextRoundDelivered = delivered;
            }
            return;
        }
        if (roundStart) {
            probeRttRoundDone = true;
        }
        if (probeRttRoundDone && nowNanos > probeRttDoneStamp) {
            minRttStamp = nowNanos;
            cwnd = Math.max(cwnd, priorCwnd);
            if (filledPipe) {
                enterProbeBw(nowNanos);
            } else {
                mode = Mode.STARTUP;
                pacingGain = HIGH_GAIN;
                cwndGain = HIGH_GAIN;
            }
        }
    }

    private void setPacingRate() {
        double bw = btlBw.max();
        if (bw <= 0) {
            return;
        }
        double rate = pacingGain * bw;
        // In STARTUP a low sample must not slow the ramp; once the pipe is full the model rules.
        if (filledPipe || rate > pacingRate) {
            pacingRate = rate;
        }
    }

    private void setCwnd(long ackedBytes) {
        long target = btlBw.max() > 0 && minRtt != Long.MAX_VALUE
                ? Math.max(inflightTarget(cwndGain), minCwnd())
                : (long) INITIAL_CWND_PACKETS * maxDatagramBytes;
        if (filledPipe) {
            cwnd = Math.min(cwnd + ackedBytes, target);
        } else if (cwnd < target || delivered < (long) INITIAL_CWND_PACKETS * maxDatagramBytes) {
            cwnd += ackedBytes;
        }
        cwnd = Math.max(cwnd, minCwnd());
        if (mode == Mode.PROBE_RTT) {
            cwnd = Math.min(cwnd, minCwnd());
        }
    }

    private long inflightTarget(double gain) {
        if (minRtt == Long.MAX_VALUE) {
            return (long) INITIAL_CWND_PACKETS * maxDatagramBytes;
        }
        // Room for the bursts the pacer lets out back to back (Linux BBR's quantization budget):
        // where the bandwidth-delay product is a few packets, as on a LAN, it would otherwise cap
        // the window below one burst and the sender would idle waiting for acknowledgements.
        return (long) (gain * btlBw.max() * minRtt / 1e9) + 3 * SendQuantum.bytes(pacingRate, maxDatagramBytes);
    }

    private long minCwnd() {
        return (long) MIN_CWND_PACKETS * maxDatagramBytes;
    }
}
