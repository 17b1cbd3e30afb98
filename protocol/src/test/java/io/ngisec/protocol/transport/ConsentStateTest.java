package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 7675 timing on simulated time: randomized check intervals, refresh by answers, loss for good. */
class ConsentStateTest {

    private static final long S = 1_000_000_000L;

    @Test
    void checksComeAtRandomizedIntervalsBetweenFourAndSixSeconds() {
        ConsentState consent = new ConsentState(5 * S, 30 * S, new SplittableRandom(1), 0);
        long now = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long gap = consent.nextCheckAt() - now;
            min = Math.min(min, gap);
            max = Math.max(max, gap);
            now = consent.nextCheckAt();
            consent.onCheckSent(now);
        }
        assertThat(min).isGreaterThanOrEqualTo(4 * S);
        assertThat(max).isLessThanOrEqualTo(6 * S);
        assertThat(max - min).as("randomized, not fixed").isGreaterThan(S);
    }

    @Test
    void answersKeepConsentAndThirtySecondsWithoutOneLoseIt() {
        ConsentState consent = new ConsentState(5 * S, 30 * S, new SplittableRandom(2), 100 * S);

        assertThat(consent.lost(129 * S)).isFalse();
        consent.onAnswer(120 * S);
        assertThat(consent.expiresAt()).isEqualTo(150 * S);
        assertThat(consent.lost(149 * S)).isFalse();
        assertThat(consent.lost(150 * S)).isTrue();
        consent.onAnswer(151 * S);
        assertThat(consent.lost(152 * S)).as("a late answer does not bring consent back").isTrue();
    }

    @Test
    void anOlderAnswerNeverMovesExpiryBack() {
        ConsentState consent = new ConsentState(5 * S, 30 * S, new SplittableRandom(3), 0);
        consent.onAnswer(20 * S);
        consent.onAnswer(10 * S);
        assertThat(consent.expiresAt()).isEqualTo(50 * S);
    }
}
