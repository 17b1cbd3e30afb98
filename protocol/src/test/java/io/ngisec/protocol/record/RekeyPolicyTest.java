package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RekeyPolicyTest {

    @Test
    void defaultStaysWellInsideTheHardLimits() {
        assertThat(RekeyPolicy.DEFAULT.rekeyAfterRecords()).isEqualTo(1L << 22).isLessThan(Limits.MAX_RECORDS_PER_KEY);
        assertThat(RekeyPolicy.DEFAULT.rekeyAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(RekeyPolicy.DEFAULT.previousKeyGrace()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesValuesBeyondTheLimits() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RekeyPolicy(0, s, s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RekeyPolicy(Limits.MAX_RECORDS_PER_KEY + 1, s, s))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RekeyPolicy(1, Duration.ZERO, s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RekeyPolicy(1, Duration.ofSeconds(181), s))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RekeyPolicy(1, s, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new RekeyPolicy(Limits.MAX_RECORDS_PER_KEY, Duration.ofSeconds(180), Duration.ZERO))
                .doesNotThrowAnyException();
    }
}
