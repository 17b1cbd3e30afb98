package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The BBR state machine fed by hand: each {@link #round} acknowledges one packet sent one RTT
 * earlier, which starts a new round trip, with a rate sample of the given bandwidth.
 */
class BbrControllerTest {

    private static final long MS = 1_000_000L;
    private static final long RTT = 50 * MS;
    private static final double BW = 1_000_000;          // bytes/s
    private static final long BDP = 50_000;              // BW x RTT
    /** Three send quanta beyond the BDP; at these rates a quantum is its two-packet floor. */
    private static final long BURST_ROOM = 3 * 2 * 1200;
    private static final DeliveryState UNUSED = new DeliveryState(0, 0, 0, false);

    private final BbrController bbr = new BbrController(1200, new SplittableRandom(7));
    private long delivered;
    private long pn;
    private long now;

    private void round(long step, double bandwidth, long inFlight) {
        now += step;
        SentPacket p = new SentPacket(pn++, now - RTT, 1200, true, new DeliveryState(delivered, 0, 0, false));
        delivered += 1200;
        RateSample sample = new RateSample((long) (bandwidth * RTT / 1e9), RTT, RTT, p.delivery().delivered(), false);
        bbr.onAcked(now, List.of(p), sample, inFlight);
    }

    private void reachProbeBw() {
        for (int i = 0; i < 4; i++) {
            round(RTT, BW, 4 * BDP);
        }
        round(RTT, BW, BDP / 2);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.PROBE_BW);
    }

    @Test
    void startsWithTenPacketsAndHighGain() {
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.STARTUP);
        assertThat(bbr.congestionWindow()).isEqualTo(12_000);
        assertThat(bbr.pacingGain()).isEqualTo(BbrController.HIGH_GAIN);
        assertThat(bbr.canSend(11_999)).isTrue();
        assertThat(bbr.canSend(12_000)).isFalse();
    }

    @Test
    void staysInStartupWhileBandwidthKeepsGrowing() {
        double bw = BW;
        for (int i = 0; i < 8; i++) {
            round(RTT, bw, 4 * BDP);
            bw *= 1.5;
        }
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.STARTUP);
        assertThat(bbr.pacingRate()).isEqualTo(BbrController.HIGH_GAIN * bbr.bottleneckBandwidth());
    }

    @Test
    void leavesStartupAfterThreeFlatRoundsAndDrainsIntoProbeBw() {
        round(RTT, BW, 4 * BDP);
        round(RTT, BW * 1.2, 4 * BDP); // under 25% growth: flat round 1
        round(RTT, BW * 1.2, 4 * BDP); // 2
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.STARTUP);
        round(RTT, BW * 1.2, 4 * BDP); // 3
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.DRAIN);
        assertThat(bbr.pacingGain()).isLessThan(1);
        round(RTT, BW * 1.2, (long) (1.2 * BDP) + BURST_ROOM + 1);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.DRAIN);
        round(RTT, BW * 1.2, (long) (1.2 * BDP) + BURST_ROOM);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.PROBE_BW);
        assertThat(bbr.pacingGain()).isNotEqualTo(0.75);
    }

    @Test
    void inProbeBwTheWindowIsTwiceTheBdpPlusBurstRoomAndPacingIsGainTimesBandwidth() {
        reachProbeBw();
        for (int i = 0; i < 100; i++) {
            round(RTT, BW, 2 * BDP);
        }
        assertThat(bbr.bottleneckBandwidth()).isEqualTo(BW);
        assertThat(bbr.minRtt()).isEqualTo(RTT);
        assertThat(bbr.congestionWindow()).isEqualTo(2 * BDP + BURST_ROOM);
        assertThat(bbr.pacingRate()).isEqualTo(bbr.pacingGain() * BW);
    }

    @Test
    void probeBwCyclesThroughItsGainsOnePhasePerMinRtt() {
        reachProbeBw();
        List<Double> gains = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            round(RTT + MS, BW, 2 * BDP);
            gains.add(bbr.pacingGain());
        }
        double[] cycle = BbrController.PROBE_BW_GAINS;
        int start = gains.indexOf(1.25);
        for (int i = 0; i < 8; i++) {
            assertThat(gains.get(start + i)).isEqualTo(cycle[i]);
        }
    }

    @Test
    void lossChangesNeitherWindowNorRate() {
        reachProbeBw();
        for (int i = 0; i < 100; i++) {
            round(RTT, BW, 2 * BDP);
        }
        long cwnd = bbr.congestionWindow();
        double rate = bbr.pacingRate();
        List<SentPacket> lost = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lost.add(new SentPacket(10_000 + i, now, 1200, true, UNUSED));
        }
        bbr.onLost(now, lost, BDP);
        assertThat(bbr.congestionWindow()).isEqualTo(cwnd);
        assertThat(bbr.pacingRate()).isEqualTo(rate);
    }

    @Test
    void probesRttAfterTenSecondsWithFourPacketsForTwoHundredMilliseconds() {
        reachProbeBw();
        for (int i = 0; i < 100; i++) {
            round(RTT, BW, 2 * BDP);
        }
        long cwnd = bbr.congestionWindow();
        round(BbrController.MIN_RTT_WINDOW_NANOS, BW, 2 * BDP);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.PROBE_RTT);
        assertThat(bbr.congestionWindow()).isEqualTo(4 * 1200);
        round(10 * MS, BW, 4 * 1200);                      // drained: the 200 ms start now
        round(100 * MS, BW, 4 * 1200);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.PROBE_RTT);
        round(101 * MS, BW, 4 * 1200);
        assertThat(bbr.mode()).isEqualTo(BbrController.Mode.PROBE_BW);
        assertThat(bbr.congestionWindow()).isGreaterThanOrEqualTo(cwnd);
    }
}
