package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loss detection after RFC 9002, section 6 and appendix A, in one packet-number space. */
class LossDetectorTest {

    private static final long MS = 1_000_000L;
    private static final DeliveryState NO_STATE = new DeliveryState(0, 0, 0, false);

    private final RttEstimator rtt = new RttEstimator(25 * MS);
    private final LossDetector detector = new LossDetector(rtt);

    private void send(long pn, long time) {
        detector.onPacketSent(new SentPacket(pn, time, 1000, true, NO_STATE));
    }

    private AckOutcome ack(long now, AckRange... ranges) throws AckViolation {
        return detector.onAck(List.of(ranges), 0, now);
    }

    private static List<Long> numbers(List<SentPacket> packets) {
        return packets.stream().map(SentPacket::packetNumber).toList();
    }

    @Test
    void reportsNewlyAckedPacketsAndSamplesRttFromTheLargest() throws AckViolation {
        send(0, 0);
        send(1, 10 * MS);
        send(2, 20 * MS);
        AckOutcome outcome = ack(120 * MS, new AckRange(0, 2));
        assertThat(numbers(outcome.newlyAcked())).containsExactly(0L, 1L, 2L);
        assertThat(outcome.lost()).isEmpty();
        assertThat(rtt.latestRtt()).isEqualTo(100 * MS);
        assertThat(detector.bytesInFlight()).isZero();
        assertThat(detector.largestAcked()).isEqualTo(2);
    }

    @Test
    void aRepeatedAckChangesNothing() throws AckViolation {
        send(0, 0);
        send(1, 0);
        ack(100 * MS, new AckRange(0, 0));
        AckOutcome again = ack(300 * MS, new AckRange(0, 0));
        assertThat(again.newlyAcked()).isEmpty();
        assertThat(rtt.latestRtt()).isEqualTo(100 * MS);
        assertThat(detector.bytesInFlight()).isEqualTo(1000);
    }

    @Test
    void noRttSampleWhenTheLargestAckedWasAckedBefore() throws AckViolation {
        send(0, 0);
        send(1, 0);
        send(2, 0);
        ack(100 * MS, new AckRange(2, 2));
        AckOutcome outcome = ack(400 * MS, new AckRange(0, 2));
        assertThat(numbers(outcome.newlyAcked())).containsExactly(0L, 1L);
        assertThat(rtt.latestRtt()).isEqualTo(100 * MS);
    }

    @Test
    void noRttSampleFromPacketsThatElicitNoAck() throws AckViolation {
        detector.onPacketSent(new SentPacket(0, 0, 50, false, NO_STATE));
        ack(100 * MS, new AckRange(0, 0));
        assertThat(rtt.hasSample()).isFalse();
    }

    @Test
    void packetThresholdDeclaresAPacketLostThreeBehindTheLargestAcked() throws AckViolation {
        for (int pn = 0; pn < 5; pn++) {
            send(pn, pn * MS);
        }
        AckOutcome first = ack(50 * MS, new AckRange(3, 3));
        assertThat(numbers(first.lost())).containsExactly(0L);
        AckOutcome second = ack(51 * MS, new AckRange(4, 4));
        assertThat(numbers(second.lost())).containsExactly(1L);
        assertThat(detector.bytesInFlight()).isEqualTo(1000); // only 2 left
    }

    @Test
    void timeThresholdSetsTheTimerAndTheTimerDeclaresTheLoss() throws AckViolation {
        send(0, 0);
        send(1, 10 * MS);
        AckOutcome outcome = ack(110 * MS, new AckRange(1, 1)); // latest = smoothed = 100 ms
        assertThat(outcome.lost()).isEmpty();
        long lossDelay = 100 * MS * 9 / 8;
        assertThat(detector.lossDetectionDeadline()).hasValue(lossDelay);
        TimeoutOutcome timeout = detector.onLossDetectionTimeout(lossDelay);
        assertThat(numbers(timeout.lost())).containsExactly(0L);
        assertThat(timeout.sendProbe()).isFalse();
    }

    @Test
    void timeThresholdUsesTheLargerOfLatestAndSmoothedRtt() throws AckViolation {
        send(0, 0);
        send(1, 0);
        send(2, 200 * MS);
        send(3, 210 * MS);
        ack(100 * MS, new AckRange(0, 0));                    // latest = smoothed = 100 ms
        AckOutcome outcome = ack(510 * MS, new AckRange(3, 3)); // latest 300 ms, smoothed 125 ms
        long lossDelay = 300 * MS * 9 / 8;
        // Packet 2 is 310 ms old: lost by 9/8 x smoothed, not by 9/8 x latest, which is what counts.
        assertThat(numbers(outcome.lost())).containsExactly(1L);
        assertThat(detector.lossDetectionDeadline()).hasValue(200 * MS + lossDelay);
    }

    @Test
    void probeTimeoutFiresFromTheLastAckElicitingPacketAndBacksOff() throws AckViolation {
        assertThat(detector.lossDetectionDeadline()).isEmpty();
        send(0, 5 * MS);
        long pto = rtt.probeTimeout();
        assertThat(detector.lossDetectionDeadline()).hasValue(5 * MS + pto);
        TimeoutOutcome first = detector.onLossDetectionTimeout(5 * MS + pto);
        assertThat(first.sendProbe()).isTrue();
        assertThat(first.lost()).isEmpty();
        assertThat(detector.ptoCount()).isEqualTo(1);
        assertThat(detector.lossDetectionDeadline()).hasValue(5 * MS + 2 * pto);
        detector.onLossDetectionTimeout(5 * MS + 2 * pto);
        assertThat(detector.lossDetectionDeadline()).hasValue(5 * MS + 4 * pto);
        ack(900 * MS, new AckRange(0, 0));
        assertThat(detector.ptoCount()).isZero();
        assertThat(detector.lossDetectionDeadline()).isEmpty();
    }

    @Test
    void anAckOfAnUnsentPacketIsAViolationAndChangesNothing() {
        send(0, 0);
        assertThatThrownBy(() -> ack(10 * MS, new AckRange(0, 0), new AckRange(5, 7)))
                .isInstanceOf(AckViolation.class);
        assertThat(detector.bytesInFlight()).isEqualTo(1000);
        assertThat(rtt.hasSample()).isFalse();
    }

    @Test
    void packetNumbersMustIncrease() {
        send(3, 0);
        assertThatThrownBy(() -> send(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgettingInFlightPacketsEmptiesTheFlightButLateAcksAreNoViolation() throws AckViolation {
        send(0, 0);
        send(1, 10 * MS);
        send(2, 20 * MS);
        ack(100 * MS, new AckRange(0, 0));

        assertThat(numbers(detector.forgetInFlight())).containsExactly(1L, 2L);
        assertThat(detector.bytesInFlight()).isZero();
        assertThat(detector.lossDetectionDeadline()).isEmpty();
        assertThat(ack(150 * MS, new AckRange(1, 2)).newlyAcked()).as("a late ACK of a forgotten packet").isEmpty();
        assertThatThrownBy(() -> ack(160 * MS, new AckRange(3, 3))).isInstanceOf(AckViolation.class);
        send(3, 200 * MS);
        assertThat(numbers(ack(260 * MS, new AckRange(3, 3)).newlyAcked())).containsExactly(3L);
    }
}
