package io.ngisec.protocol.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules of RFC 9002, section 5, one per case. */
class RttEstimatorTest {

    private static final long MS = 1_000_000L;

    private final RttEstimator rtt = new RttEstimator(25 * MS);

    @Test
    void beforeAnySampleUsesTheInitialRtt() {
        assertThat(rtt.hasSample()).isFalse();
        assertThat(rtt.smoothedRtt()).isEqualTo(333 * MS);
        assertThat(rtt.rttVar()).isEqualTo(333 * MS / 2);
        assertThat(rtt.probeTimeout()).isEqualTo(333 * MS + 4 * (333 * MS / 2) + 25 * MS);
    }

    @Test
    void firstSampleSetsEverythingAndIgnoresAckDelay() {
        rtt.update(100 * MS, 20 * MS);
        assertThat(rtt.hasSample()).isTrue();
        assertThat(rtt.latestRtt()).isEqualTo(100 * MS);
        assertThat(rtt.minRtt()).isEqualTo(100 * MS);
        assertThat(rtt.smoothedRtt()).isEqualTo(100 * MS);
        assertThat(rtt.rttVar()).isEqualTo(50 * MS);
    }

    @Test
    void laterSamplesSubtractAckDelayAndMoveByOneEighthAndOneQuarter() {
        rtt.update(100 * MS, 0);
        rtt.update(130 * MS, 20 * MS); // adjusted 110 ms
        assertThat(rtt.rttVar()).isEqualTo((3 * 50 * MS + 10 * MS) / 4);
        assertThat(rtt.smoothedRtt()).isEqualTo((7 * 100 * MS + 110 * MS) / 8);
        assertThat(rtt.latestRtt()).isEqualTo(130 * MS);
    }

    @Test
    void ackDelayIsNotSubtractedBelowMinRtt() {
        rtt.update(100 * MS, 0);
        rtt.update(110 * MS, 20 * MS); // 110 - 20 < 100: use 110 as is
        assertThat(rtt.smoothedRtt()).isEqualTo((7 * 100 * MS + 110 * MS) / 8);
    }

    @Test
    void ackDelayIsCappedAtMaxAckDelay() {
        rtt.update(100 * MS, 0);
        rtt.update(200 * MS, 80 * MS); // only 25 ms of the claimed 80 count
        assertThat(rtt.smoothedRtt()).isEqualTo((7 * 100 * MS + 175 * MS) / 8);
        assertThat(rtt.rttVar()).isEqualTo((3 * 50 * MS + 75 * MS) / 4);
    }

    @Test
    void minRttIsTheRawSampleNotTheAdjustedOne() {
        rtt.update(100 * MS, 0);
        rtt.update(90 * MS, 20 * MS);
        assertThat(rtt.minRtt()).isEqualTo(90 * MS);
        assertThat(rtt.smoothedRtt()).isEqualTo((7 * 100 * MS + 90 * MS) / 8);
        rtt.update(300 * MS, 0);
        assertThat(rtt.minRtt()).isEqualTo(90 * MS);
    }

    @Test
    void probeTimeoutHasAGranularityFloorOnTheVariance() {
        for (int i = 0; i < 200; i++) {
            rtt.update(40 * MS, 0);
        }
        assertThat(rtt.rttVar()).isLessThan(MS / 4);
        assertThat(rtt.probeTimeout()).isEqualTo(40 * MS + RecoveryConstants.GRANULARITY_NANOS + 25 * MS);
    }

    @Test
    void rejectsNegativeInput() {
        assertThatThrownBy(() -> rtt.update(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rtt.update(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RttEstimator(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsEverySample() {
        rtt.update(40 * MS, 0);
        rtt.update(80 * MS, 0);
        rtt.reset();

        assertThat(rtt.hasSample()).isFalse();
        assertThat(rtt.minRtt()).isZero();
        assertThat(rtt.smoothedRtt()).isEqualTo(RecoveryConstants.INITIAL_RTT_NANOS);
        assertThat(rtt.rttVar()).isEqualTo(RecoveryConstants.INITIAL_RTT_NANOS / 2);
        rtt.update(10 * MS, 0);
        assertThat(rtt.minRtt()).as("the first sample after a reset").isEqualTo(10 * MS);
        assertThat(rtt.smoothedRtt()).isEqualTo(10 * MS);
    }
}
