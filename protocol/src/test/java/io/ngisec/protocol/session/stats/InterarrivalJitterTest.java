package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {

    private static final long MS = 1_000_000L;
    private static final long T = 20 * MS;

    @Test
    void noEstimateBeforeTheWarmUp() {
        InterarrivalJitter j = new InterarrivalJitter();
        for (int i = 0; i < InterarrivalJitter.WARMUP_GAPS; i++) {
            j.onArrival(i * T);
        }
        assertThat(j.hasEstimate()).isFalse();
        assertThat(j.jitterNanos()).isZero();
        j.onArrival(InterarrivalJitter.WARMUP_GAPS * T);
        assertThat(j.hasEstimate()).isTrue();
    }

    @Test
    void aPerfectlyPeriodicFlowHasNoJitterAndItsIntervalIsFound() {
        InterarrivalJitter j = new InterarrivalJitter();
        for (int i = 0; i < 500; i++) {
            j.onArrival(1_000 * MS + i * T);
        }
        assertThat(j.jitterNanos()).isZero();
        assertThat(j.intervalNanos()).isEqualTo(T);
    }

    @Test
    void delaysAlternatingByXGiveJitterX() {
        // Every other packet 4 ms late: each |D| is 4 ms, so J converges to 4 ms (RFC 3550's J is E|D|).
        InterarrivalJitter j = new InterarrivalJitter();
        for (int i = 0; i < 1_000; i++) {
            j.onArrival(i * T + (i % 2) * 4 * MS);
        }
        assertThat(j.jitterNanos()).isCloseTo(4 * MS, within(50_000L));
        assertThat(j.intervalNanos()).isCloseTo(T, within(MS));
    }

    @Test
    void uniformRandomDelayOfUpToXGivesAboutAThirdOfX() {
        // D is the difference of two independent U(0, X) delays: E|D| = X / 3.
        SplittableRandom random = new SplittableRandom(3);
        long x = 9 * MS;
        InterarrivalJitter j = new InterarrivalJitter();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 20_000; i++) {
            j.onArrival(i * T + random.nextLong(x + 1));
            if (i > 1_000) {
                sum += j.jitterNanos();
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(x / 3.0, within(0.3 * MS));
    }

    @Test
    void lostPacketsDoNotReadAsJitter() {
        SplittableRandom random = new SplittableRandom(5);
        InterarrivalJitter j = new InterarrivalJitter();
        for (int i = 0; i < 2_000; i++) {
            if (i < 3 || random.nextDouble() >= 0.2) { // 20% lost, some in the warm-up
                j.onArrival(i * T);
            }
        }
        assertThat(j.intervalNanos()).isEqualTo(T);
        assertThat(j.jitterNanos()).isZero();
    }

    @Test
    void aLossInTheWarmUpDoesNotMisleadTheIntervalEstimate() {
        InterarrivalJitter j = new InterarrivalJitter();
        j.onArrival(0);
        for (int i = 2; i < 300; i++) { // packet 1 lost: the first gap is 2 T
            j.onArrival(i * T);
        }
        assertThat(j.intervalNanos()).isEqualTo(T);
        assertThat(j.jitterNanos()).isZero();
    }

    @Test
    void aPauseIsSkippedNotCountedAsJitter() {
        InterarrivalJitter j = new InterarrivalJitter();
        long t = 0;
        for (int i = 0; i < 100; i++) {
            j.onArrival(t);
            t += T;
        }
        t += 3_000 * MS + 7 * MS; // silence suppression: 3 s without packets, restarting off the old grid
        for (int i = 0; i < 100; i++) {
            j.onArrival(t);
            t += T;
        }
        assertThat(j.jitterNanos()).isZero();
        assertThat(j.intervalNanos()).isEqualTo(T);
    }

    @Test
    void aBurstAfterAStallReadsAsJitter() {
        // The receiver stalls 60 ms, then takes three queued packets at once: real jitter for the listener.
        InterarrivalJitter j = new InterarrivalJitter();
        for (int i = 0; i < 50; i++) {
            j.onArrival(i * T);
        }
        j.onArrival(52 * T + 1);
        j.onArrival(52 * T + 2);
        j.onArrival(52 * T + 3);
        assertThat(j.jitterNanos()).isGreaterThan(MS);
    }
}
