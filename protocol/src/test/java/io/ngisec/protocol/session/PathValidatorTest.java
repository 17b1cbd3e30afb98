package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PathValidator on simulated time: challenge, retries with new data, echo on the right path, timeout. */
class PathValidatorTest {

    private static final long MS = 1_000_000L;
    private static final long TIMEOUT = 300 * MS;

    private final Object oldPath = new Object();
    private final Object newPath = new Object();
    private final PathValidator<Object> validator = new PathValidator<>(new SplittableRandom(9));

    @Test
    void theEchoOnTheNewPathValidatesIt() {
        long data = validator.start(newPath, 0, TIMEOUT);

        assertThat(validator.state()).isEqualTo(PathValidator.State.VALIDATING);
        assertThat(validator.onResponse(newPath, data)).isTrue();
        assertThat(validator.state()).isEqualTo(PathValidator.State.VALIDATED);
        assertThat(validator.nextTimeout()).isEmpty();
        assertThat(validator.poll(TIMEOUT * 2)).isEmpty();
        assertThat(validator.state()).isEqualTo(PathValidator.State.VALIDATED);
    }

    @Test
    void aForgedOrMisroutedEchoChangesNothing() {
        long data = validator.start(newPath, 0, TIMEOUT);

        assertThat(validator.onResponse(newPath, data + 1)).isFalse();
        assertThat(validator.onResponse(oldPath, data)).as("the right data on the old path").isFalse();
        assertThat(validator.state()).isEqualTo(PathValidator.State.VALIDATING);
    }

    @Test
    void challengesAreRepeatedWithNewDataAndAnyOfThemValidates() {
        List<Long> challenges = new ArrayList<>();
        challenges.add(validator.start(newPath, 0, TIMEOUT));
        long t = 0;
        while (t < TIMEOUT) {
            OptionalLong next = validator.nextTimeout();
            assertThat(next).isPresent();
            t = next.getAsLong();
            validator.poll(t - 1).ifPresent(d -> {
                throw new AssertionError("challenge before its time");
            });
            validator.poll(t).ifPresent(challenges::add);
        }

        assertThat(challenges).hasSize(PathValidator.CHALLENGES).doesNotHaveDuplicates();
        assertThat(validator.state()).as("at the timeout").isEqualTo(PathValidator.State.FAILED);

        PathValidator<Object> again = new PathValidator<>(new SplittableRandom(9));
        long first = again.start(newPath, 0, TIMEOUT);
        again.poll(TIMEOUT / 3);
        again.poll(2 * TIMEOUT / 3);
        assertThat(again.onResponse(newPath, first)).as("the first challenge's echo after two retries").isTrue();
    }

    @Test
    void withoutAnEchoValidationFailsAtTheTimeoutAndLaterEchoesAreIgnored() {
        long data = validator.start(newPath, 5 * MS, TIMEOUT);

        validator.poll(5 * MS + TIMEOUT - 1);
        assertThat(validator.state()).isEqualTo(PathValidator.State.VALIDATING);
        validator.poll(5 * MS + TIMEOUT);
        assertThat(validator.state()).isEqualTo(PathValidator.State.FAILED);
        assertThat(validator.onResponse(newPath, data)).isFalse();
        assertThat(validator.state()).isEqualTo(PathValidator.State.FAILED);
    }

    @Test
    void aNewStartAbandonsTheOldValidation() {
        long first = validator.start(oldPath, 0, TIMEOUT);
        long second = validator.start(newPath, MS, TIMEOUT);

        assertThat(validator.path()).isSameAs(newPath);
        assertThat(validator.onResponse(oldPath, first)).isFalse();
        assertThat(validator.onResponse(newPath, first)).as("data of the abandoned validation").isFalse();
        assertThat(validator.onResponse(newPath, second)).isTrue();
    }
}
