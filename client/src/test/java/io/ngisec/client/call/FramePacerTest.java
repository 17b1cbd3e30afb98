package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FramePacerTest {

    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong();
    // Parking moves the fake clock on by as long as asked: no real waiting.
    private final FramePacer pacer = new FramePacer(0, now::get, now::addAndGet);

    @Test
    void ticksEveryTwentyMilliseconds() {
        for (int i = 0; i < 5; i++) {
            assertThat(pacer.awaitNext()).isZero();
            assertThat(now.get()).isEqualTo(i * 20 * MS);
        }
    }

    @Test
    void afterAShortStallTheMissedTicksComeAtOnce() {
        pacer.awaitNext();
        now.set(500 * MS);
        for (int i = 0; i < 25; i++) {
            assertThat(pacer.awaitNext()).as("tick %d", i).isZero();
        }
        assertThat(now.get()).as("no waiting while behind").isEqualTo(500 * MS);
        pacer.awaitNext();
        assertThat(now.get()).isEqualTo(520 * MS);
    }

    @Test
    void afterALongStallItSkipsAheadAndSaysHowFar() {
        pacer.awaitNext();
        now.set(1500 * MS);
        // The ticks at 20, 40, .. 1480 ms are skipped; the one at 1500 ms returns now.
        assertThat(pacer.awaitNext()).isEqualTo(74);
        assertThat(now.get()).isEqualTo(1500 * MS);
        assertThat(pacer.awaitNext()).isZero();
        assertThat(now.get()).isEqualTo(1520 * MS);
    }
}
