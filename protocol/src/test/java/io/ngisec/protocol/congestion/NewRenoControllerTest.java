package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline's rules from RFC 9002, section 7, so the simulation's contrast is a fair one. */
class NewRenoControllerTest {

    private static final long MS = 1_000_000L;
    private static final DeliveryState UNUSED = new DeliveryState(0, 0, 0, false);

    private final RttEstimator rtt = new RttEstimator(25 * MS);
    private final NewRenoController reno = new NewRenoController(1200, rtt);

    private static List<SentPacket> packet(long pn, long sent) {
        return List.of(new SentPacket(pn, sent, 1200, true, UNUSED));
    }

    @Test
    void slowStartGrowsByTheBytesAcked() {
        assertThat(reno.congestionWindow()).isEqualTo(12_000);
        reno.onAcked(10 * MS, packet(0, 0), RateSample.NONE, 0);
        assertThat(reno.congestionWindow()).isEqualTo(13_200);
    }

    @Test
    void lossHalvesOncePerRecoveryPeriodThenAvoidanceAddsOnePacketPerWindow() {
        reno.onLost(100 * MS, packet(0, 10 * MS), 0);
        assertThat(reno.congestionWindow()).isEqualTo(6_000);
        reno.onLost(110 * MS, packet(1, 20 * MS), 0);   // sent before recovery began: same event
        assertThat(reno.congestionWindow()).isEqualTo(6_000);
        reno.onAcked(120 * MS, packet(2, 30 * MS), RateSample.NONE, 0);
        assertThat(reno.congestionWindow()).isEqualTo(6_000);
        for (int i = 0; i < 5; i++) {
            reno.onAcked(300 * MS, packet(10 + i, 200 * MS), RateSample.NONE, 0);
        }
        assertThat(reno.congestionWindow()).isEqualTo(7_200);
        reno.onLost(400 * MS, packet(20, 250 * MS), 0);
        assertThat(reno.congestionWindow()).isEqualTo(3_600);
    }

    @Test
    void pacesAtFiveQuartersOfTheWindowPerRtt() {
        rtt.update(100 * MS, 0);
        assertThat(reno.pacingRate()).isEqualTo(1.25 * 12_000 / 0.1);
    }
}
