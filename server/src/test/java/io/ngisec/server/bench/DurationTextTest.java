package io.ngisec.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesEveryUnit() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse(" 30 ")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesOtherTextNamingIt() {
        for (String bad : new String[] {"", "s", "-1s", "1.5s", "10d", "PT5S", "9999999999s"}) {
            assertThatThrownBy(() -> DurationText.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> DurationText.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
