package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void nothingCountedIsZero() {
        assertThat(new RateWindow().rate(5_000 * MS)).isZero();
    }

    @Test
    void steadyFlowReadsItsRate() {
        RateWindow w = new RateWindow();
        long t = 0;
        for (int i = 0; i < 3_000; i++) { // 1200 bytes a millisecond for 3 s: 1.2 MB/s
            w.add(t, 1200);
            t += MS;
        }
        assertThat(w.rate(t)).isCloseTo(1.2e6, within(0.02e6));
    }

    @Test
    void youngFlowIsMeasuredOverItsOwnAgeNotTheWholeWindow() {
        RateWindow w = new RateWindow();
        long start = 7_777 * MS; // not on a bucket boundary: the ring must follow absolute time
        for (int i = 0; i < 300; i++) {
            w.add(start + i * MS, 1000);
        }
        assertThat(w.rate(start + 300 * MS)).isCloseTo(1.0e6, within(0.01e6));
    }

    @Test
    void aSingleEarlyPacketIsSpreadOverAtLeastOneBucket() {
        RateWindow w = new RateWindow();
        w.add(0, 1000);
        assertThat(w.rate(0)).isEqualTo(1000 / 0.1);
    }

    @Test
    void theRateFallsToZeroOnceTrafficStopsForAWindow() {
        RateWindow w = new RateWindow();
        for (int i = 0; i < 2_000; i++) {
            w.add(i * MS, 1200);
        }
        long stop = 2_000 * MS;
        assertThat(w.rate(stop + 500 * MS)).isCloseTo(1.2e6 * 0.5, within(0.1e6));
        assertThat(w.rate(stop + RateWindow.WINDOW_NANOS + RateWindow.BUCKET_NANOS)).isZero();
    }

    @Test
    void aLongSilenceThenTrafficCountsOnlyTheNewTraffic() {
        RateWindow w = new RateWindow();
        w.add(0, 1_000_000);
        long later = 60_000 * MS;
        for (int i = 0; i < 1_000; i++) {
            w.add(later + i * MS, 100);
        }
        assertThat(w.rate(later + 1_000 * MS)).isCloseTo(100_000, within(2_000.0));
    }

    @Test
    void negativeTimesWork() {
        RateWindow w = new RateWindow();
        long t = -5_000 * MS; // System.nanoTime may be negative
        for (int i = 0; i < 2_000; i++) {
            w.add(t + i * MS, 500);
        }
        assertThat(w.rate(t + 2_000 * MS)).isCloseTo(500_000, within(10_000.0));
    }
}
