package io.ngisec.app.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.transport.CandidateType;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {

    @Test
    void lossIsPerIntervalAndTheFirstPointHasNone() {
        SessionHistory history = new SessionHistory();

        Sample first = history.add(0, StatsSamples.stats(1, 20, 100, 50, 99, 10, 1000, CandidateType.HOST));
        Sample second = history.add(1, StatsSamples.stats(2, 20, 200, 60, 199, 15, 1000, CandidateType.HOST));

        assertThat(first.lossOutPercent()).isZero();
        assertThat(first.lossInPercent()).isZero();
        assertThat(second.lossOutPercent()).isEqualTo(10.0); // 10 of the 100 sent since
        assertThat(second.lossInPercent()).isEqualTo(5.0); // 5 of the 100 numbers due since
        assertThat(second.rttMillis()).isEqualTo(20.0);
        assertThat(second.sendKbps()).isEqualTo(8.0);
    }

    @Test
    void lateArrivalsDoNotMakeNegativeLoss() {
        SessionHistory history = new SessionHistory();
        history.add(0, StatsSamples.stats(1, 20, 100, 0, 99, 10, 0, CandidateType.HOST));

        Sample later = history.add(1, StatsSamples.stats(2, 20, 100, 0, 99, 4, 0, CandidateType.HOST));

        assertThat(later.lossInPercent()).isZero();
    }

    @Test
    void pointsOlderThanFiveMinutesBeforeTheNewestAreDropped() {
        SessionHistory history = new SessionHistory();
        for (int t = 0; t <= 400; t++) {
            history.add(t, StatsSamples.stats(t, 20, t, 0, t, 0, 0, CandidateType.HOST));
        }

        assertThat(history.samples()).hasSize(301);
        assertThat(history.samples().getFirst().seconds()).isEqualTo(100.0);
        assertThat(history.samples().getLast().seconds()).isEqualTo(400.0);
    }
}
