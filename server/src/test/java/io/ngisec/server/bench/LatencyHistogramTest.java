package io.ngisec.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramAnswersZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
        assertThat(h.percentile(99)).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.percentile(0)).isEqualTo(1);
    }

    @Test
    void largeValuesAreWithinOneSixtyFourth() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100_000; v++) {
            h.record(v * 10L);
        }
        assertThat(h.percentile(50)).isBetween(500_000L, 500_000L + 500_000L / 64);
        assertThat(h.percentile(99)).isBetween(990_000L, 990_000L + 990_000L / 64);
        assertThat(h.percentile(99.9)).isBetween(999_000L, 999_000L + 999_000L / 64);
    }

    @Test
    void aSingleOutlierShowsOnlyAtTheTop() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 999; i++) {
            h.record(1_000);
        }
        h.record(2_000_000);
        assertThat(h.percentile(99)).isBetween(1_000L, 1_000L + 1_000L / 64);
        assertThat(h.percentile(100)).isBetween(2_000_000L, 2_000_000L + 2_000_000L / 64);
    }

    @Test
    void everyBucketHoldsItsOwnValuesAndBucketsDoNotOverlap() {
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 65_535, 1L << 40, Long.MAX_VALUE}) {
            int index = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highestValue(index)).isGreaterThanOrEqualTo(v);
            if (index > 0) {
                assertThat(LatencyHistogram.highestValue(index - 1)).isLessThan(v);
            }
        }
    }

    @Test
    void negativeLatenciesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.percentile(100)).isZero();
    }

    @Test
    void mergingAddsCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(20);
        b.record(30);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.percentile(100)).isEqualTo(30);
        assertThat(b.count()).isEqualTo(2);
    }

    @Test
    void percentileOutsideRangeIsRefused() {
        LatencyHistogram h = new LatencyHistogram();
        assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.percentile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
