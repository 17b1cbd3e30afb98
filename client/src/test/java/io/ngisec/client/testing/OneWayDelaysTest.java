package io.ngisec.client.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneWayDelaysTest {

    private static final long MS = 1_000_000;

    @Test
    void matchesBySequenceAcrossTheWrapAndCountsWhatNeverArrived() {
        List<String> tx = new ArrayList<>();
        List<String> rx = new ArrayList<>();
        // 100 frames from 65500: the sequence wraps to 0 half way. Frame i is sent at i * 20 ms
        // and takes 10 + i % 10 ms; every tenth frame is lost; the receiver logs in its own order.
        for (int i = 0; i < 100; i++) {
            int seq = (65_500 + i) % 65_536;
            long sent = 1_000 * MS + i * 20 * MS;
            tx.add("tx " + seq + " " + (sent - 2 * MS) + " " + sent);
            if (i % 10 != 3) {
                rx.add(0, "rx " + seq + " " + (sent + (10 + i % 10) * MS));
            }
        }
        rx.add("play 5 6");

        OneWayDelays.Result r = OneWayDelays.of(tx, rx, Duration.ZERO, Duration.ZERO);

        assertThat(r.sent()).isEqualTo(100);
        assertThat(r.received()).isEqualTo(90);
        assertThat(r.loss()).isCloseTo(0.10, within(1e-9));
        assertThat(r.percentileMillis(50)).isEqualTo(15.0);
        assertThat(r.maxMillis()).isEqualTo(19.0);
        assertThat(r.percentileMillis(0)).isEqualTo(10.0);
    }

    @Test
    void leavesOutTheFirstAndLastFramesAndCountsADuplicateOnce() {
        List<String> tx = new ArrayList<>();
        List<String> rx = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long sent = i * 20 * MS;
            tx.add("tx " + i + " 0 " + sent);
            // Only the frames of the first and last 200 ms arrive late, one of them twice.
            long delay = i < 10 || i >= 40 ? 500 * MS : 30 * MS;
            rx.add("rx " + i + " " + (sent + delay));
        }
        rx.add("rx 20 " + 999 * MS);

        OneWayDelays.Result r = OneWayDelays.of(tx, rx, Duration.ofMillis(200), Duration.ofMillis(200));

        // Sent at 200..780 ms: frames 10..39.
        assertThat(r.sent()).isEqualTo(30);
        assertThat(r.received()).isEqualTo(30);
        assertThat(r.maxMillis()).isEqualTo(30.0);
        // From 500 ms on, however early the skip would allow.
        assertThat(OneWayDelays.of(tx, rx, Duration.ofMillis(200), Duration.ofMillis(200), 500 * MS).sent()).isEqualTo(15);
    }

    @Test
    void withNothingReceivedEverythingIsLostAndThereIsNoDelay() {
        OneWayDelays.Result r = OneWayDelays.of(List.of("tx 1 0 0", "tx 2 0 20000000"), List.of(),
                Duration.ZERO, Duration.ZERO);

        assertThat(r.loss()).isEqualTo(1.0);
        assertThat(r.percentileMillis(95)).isNaN();
    }
}
