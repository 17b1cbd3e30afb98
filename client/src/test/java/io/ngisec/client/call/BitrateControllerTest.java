package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitrateControllerTest {

    private static final long PLENTY = 10_000_000;

    @Test
    void cleanPathKeepsPreferredBitrateWithoutFec() {
        BitrateController controller = new BitrateController();
        BitrateDecision decision = controller.update(0.0, PLENTY);
        assertThat(decision).isEqualTo(new BitrateDecision(24_000, 0));
        assertThat(decision.fec()).isFalse();
    }

    @Test
    void lossTurnsFecOnAndRaisesBitrateAfterTheHold() {
        BitrateController controller = new BitrateController();
        // Loss above 1 %: FEC at once, the extra 8 kbit/s after three reports in a row.
        assertThat(controller.update(0.03, PLENTY)).isEqualTo(new BitrateDecision(24_000, 3));
        assertThat(controller.update(0.03, PLENTY)).isEqualTo(new BitrateDecision(24_000, 3));
        assertThat(controller.update(0.03, PLENTY)).isEqualTo(new BitrateDecision(32_000, 3));
        // Heavier loss: tier 3 (above 10 %) wants 48 kbit/s; expected loss capped at 25 %.
        for (int i = 0; i < 3; i++) {
            controller.update(0.40, PLENTY);
        }
        assertThat(controller.update(0.40, PLENTY)).isEqualTo(new BitrateDecision(48_000, 25));
    }

    @Test
    void expectedLossHasTheTierFloor() {
        BitrateController controller = new BitrateController();
        controller.update(0.06, PLENTY);
        // Back to 4 %: still tier 2 (left only below 2.5 %), so FEC sized for at least 5 %.
        assertThat(controller.update(0.04, PLENTY).expectedLossPercent()).isEqualTo(5);
        assertThat(controller.update(0.02, PLENTY).expectedLossPercent()).isEqualTo(2);
    }

    @Test
    void lossHoveringAroundAThresholdDoesNotFlap() {
        BitrateController controller = new BitrateController();
        controller.update(0.012, PLENTY);
        for (int i = 0; i < 20; i++) {
            BitrateDecision decision = controller.update(i % 2 == 0 ? 0.008 : 0.012, PLENTY);
            assertThat(decision.fec()).as("report %d", i).isTrue();
        }
        // Clearly below half the threshold: FEC off.
        assertThat(controller.update(0.004, PLENTY).fec()).isFalse();
    }

    @Test
    void lowAvailableRateCapsBitrateAtOnceAndRaisesSlowly() {
        BitrateController controller = new BitrateController(40_000, 60);
        // 60 bytes * 8 * 50/s = 24 kbit/s of headers; 50 kbit/s leaves 26, stepped down to 24.
        assertThat(controller.update(0, 50_000).bitrateBps()).isEqualTo(24_000);
        // Never below what a call needs at all, even if the path cannot carry it.
        assertThat(controller.update(0, 10_000).bitrateBps()).isEqualTo(VoiceFormat.MIN_BITRATE);
        // A rate estimate swinging between plenty and 44 kbit/s (20 left for voice) rises once,
        // after three reports, to what all of them allowed, and then holds.
        int[] expected = {16_000, 16_000, 20_000};
        for (int i = 0; i < 21; i++) {
            long rate = i % 3 == 2 ? 44_000 : PLENTY;
            assertThat(controller.update(0, rate).bitrateBps()).as("report %d", i)
                    .isEqualTo(i < 3 ? expected[i] : 20_000);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(controller.update(0, PLENTY).bitrateBps()).isEqualTo(20_000);
        }
        assertThat(controller.update(0, PLENTY).bitrateBps()).isEqualTo(40_000);
    }

    @Test
    void neverLeavesTheCallRange() {
        BitrateController controller = new BitrateController(64_000, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(controller.update(0.5, PLENTY).bitrateBps()).isEqualTo(VoiceFormat.MAX_BITRATE);
        }
    }

    @Test
    void rejectsNonsense() {
        BitrateController controller = new BitrateController();
        assertThatThrownBy(() -> controller.update(-0.1, PLENTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.update(Double.NaN, PLENTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.update(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitrateController(8_000, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BitrateDecision(24_000, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
