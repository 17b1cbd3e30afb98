package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** In the spirit of wireguard-go's replay filter tests: one long scripted sequence, then bulk runs. */
class ReplayWindowTest {

    private static final long W = ReplayWindow.WINDOW_SIZE;

    private final ReplayWindow window = new ReplayWindow();

    @Test
    void scriptedSequence() {
        accept(0);
        accept(1);
        reject(1);
        accept(9);
        accept(8);
        accept(7);
        reject(7);
        accept(W + 1);          // slides: 1 == highest - W is now the oldest still in the window
        accept(W);
        reject(W);
        accept(2);
        reject(2);
        reject(1);              // a replay, not too old: its bit survived the slide
        tooOld(0);
        accept(W + 5);
        accept(W + 4);
        accept(W + 3);
        tooOld(4);
        accept(5);
        accept(W + 1 + 3 * 64); // crosses block boundaries in one jump
        reject(W + 5);
        accept(W + 6);
        accept(4 * W);          // jumps further than the whole ring
        reject(4 * W);
        tooOld(W + 6);
        tooOld(3 * W - 1);
        accept(3 * W);
        accept(4 * W - 1);
        accept(4 * W + 1);
    }

    @Test
    void refusesNegativeAndBeyondTheHardLimit() {
        assertThat(window.check(-1)).isFalse();
        assertThat(window.update(-1)).isFalse();
        assertThat(window.check(Limits.MAX_PACKET_NUMBER + 1)).isFalse();
        assertThat(window.update(Long.MAX_VALUE)).isFalse();
        assertThat(window.highest()).isEqualTo(-1);

        accept(Limits.MAX_PACKET_NUMBER);
        reject(Limits.MAX_PACKET_NUMBER);
        accept(Limits.MAX_PACKET_NUMBER - 1);
    }

    @Test
    void checkChangesNothing() {
        assertThat(window.check(5)).isTrue();
        assertThat(window.check(5)).isTrue();
        assertThat(window.highest()).isEqualTo(-1);
        accept(5);
    }

    @Test
    void inOrderOnceThenEveryRepeatRefused() {
        int n = 10 * (int) W;
        for (int pn = 0; pn < n; pn++) {
            accept(pn);
        }
        for (int pn = n - 1 - (int) W; pn < n; pn++) {
            reject(pn);
        }
        for (int pn = 0; pn < n - 1 - W; pn++) {
            tooOld(pn);
        }
    }

    @Test
    void reverseOrderWithinTheWindow() {
        accept(W);
        for (long pn = W - 1; pn >= 0; pn--) {
            accept(pn);
        }
        for (long pn = 0; pn <= W; pn++) {
            reject(pn);
        }
    }

    @Test
    void bitsOfSkippedNumbersStayFreeAfterSliding() {
        for (long round = 0; round < 50; round++) {
            long base = round * (W / 3);
            accept(base + W / 3 - 1);
        }
        // Everything not accepted in the last window is still available, exactly once.
        long highest = window.highest();
        for (long pn = highest - W; pn < highest; pn++) {
            if ((pn + 1) % (W / 3) != 0) {
                accept(pn);
            }
            reject(pn);
        }
    }

    private void accept(long pn) {
        assertThat(window.check(pn)).as("check %d", pn).isTrue();
        assertThat(window.update(pn)).as("update %d", pn).isTrue();
    }

    private void reject(long pn) {
        assertThat(window.check(pn)).as("check %d", pn).isFalse();
        assertThat(window.update(pn)).as("update %d", pn).isFalse();
        assertThat(window.isTooOld(pn)).as("too old %d", pn).isFalse();
    }

    private void tooOld(long pn) {
        assertThat(window.check(pn)).as("check %d", pn).isFalse();
        assertThat(window.update(pn)).as("update %d", pn).isFalse();
        assertThat(window.isTooOld(pn)).as("too old %d", pn).isTrue();
    }
}
