package io.ngisec.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

    private static final List<String> LINES = List.of(
            "# header",
            "start 1000",
            "p 10.00 16.67",
            "p 26.67 16.67",
            "h 30.00 1000",
            "shown 800",
            "p 100.00 73.33",
            "ready 1500",
            "h 1030.00 5000",
            "p 1100.00 20.00",
            "ready 9999");

    @Test
    void latenessIsTheGapBeyondOneSixtiethOfASecondAndOnlyGapsOverFiftyMillisecondsCountAsLate() {
        ProbeReport report = ProbeReport.of(LINES, 0, Double.MAX_VALUE);

        assertThat(report.pulses()).isEqualTo(4);
        assertThat(report.maxLateMillis()).isCloseTo(56.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.lateOver50()).isEqualTo(1);
        assertThat(report.heapMaxBytes()).isEqualTo(5000);
        assertThat(report.shownMillis()).hasValue(800);
        assertThat(report.readyMillis()).as("the first ready mark").hasValue(1500);
        assertThat(report.meets(10_000)).isFalse();
    }

    @Test
    void aWindowCountsOnlyThePulsesAndHeapSamplesInsideIt() {
        ProbeReport report = ProbeReport.of(LINES, 50, 1050);

        assertThat(report.pulses()).isEqualTo(1);
        assertThat(report.heapMaxBytes()).isEqualTo(5000);
        assertThat(report.p99LateMillis()).isCloseTo(56.67, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void withoutLatePulsesAndUnderTheHeapLimitTheTargetIsMet() {
        ProbeReport report = ProbeReport.of(List.of("p 1 16.9", "p 2 30.0", "h 3 100"), 0, Double.MAX_VALUE);

        assertThat(report.meets(101)).isTrue();
        assertThat(report.meets(100)).isFalse();
    }
}
