package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LossWindowTest {

    @Test
    void aCleanSecondInTheMiddleOfSteadyLossKeepsFecOn() {
        LossWindow window = new LossWindow();
        BitrateController controller = new BitrateController();
        int[] missingPerSecond = {3, 2, 3, 0, 2, 3, 0, 0, 3, 2};
        for (int i = 0; i < missingPerSecond.length; i++) {
            window.add(50, missingPerSecond[i]);
            assertThat(controller.update(window.fraction(), Long.MAX_VALUE).fec()).as("report %d", i).isTrue();
        }
    }

    @Test
    void theNewestReportAloneTurnsFecOnAndItGoesOffWhenTheWindowIsClean() {
        LossWindow window = new LossWindow();
        for (int i = 0; i < 10; i++) {
            window.add(50, 0);
        }
        assertThat(window.fraction()).isZero();
        window.add(50, 3);
        assertThat(window.fraction()).isCloseTo(0.06, within(1e-9));
        for (int i = 1; i < LossWindow.REPORTS; i++) {
            window.add(50, 0);
            assertThat(window.fraction()).as("clean report %d", i).isCloseTo(3.0 / 250, within(1e-9));
        }
        window.add(50, 0);
        assertThat(window.fraction()).isZero();
    }

    @Test
    void startsAtNoLossAndRejectsImpossibleReports() {
        LossWindow window = new LossWindow();
        assertThat(window.fraction()).isZero();
        assertThatThrownBy(() -> window.add(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window.add(50, 51)).isInstanceOf(IllegalArgumentException.class);
    }
}
