package io.ngisec.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferFormatTest {

    @Test
    void sizesUseBinaryUnitsWithOneDecimal() {
        assertThat(TransferFormat.bytes(0)).isEqualTo("0 B");
        assertThat(TransferFormat.bytes(1023)).isEqualTo("1023 B");
        assertThat(TransferFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(TransferFormat.bytes(3L << 20)).isEqualTo("3.0 MiB");
        assertThat(TransferFormat.bytes(5L << 30)).isEqualTo("5.0 GiB");
    }

    @Test
    void aRateIsPerSecondAndADashWhileUnknown() {
        assertThat(TransferFormat.rate(2.5 * (1 << 20))).isEqualTo("2.5 MiB/s");
        assertThat(TransferFormat.rate(0)).isEqualTo("-");
    }

    @Test
    void timeLeftInSecondsMinutesOrHours() {
        assertThat(TransferFormat.eta(Optional.empty())).isEmpty();
        assertThat(TransferFormat.eta(Optional.of(Duration.ofSeconds(45)))).isEqualTo("45 s left");
        assertThat(TransferFormat.eta(Optional.of(Duration.ofSeconds(185)))).isEqualTo("3 min 5 s left");
        assertThat(TransferFormat.eta(Optional.of(Duration.ofMinutes(62)))).isEqualTo("1 h 2 min left");
    }

    @Test
    void percentIsRoundedDownSoOnlyEveryByteMakesAHundred() {
        assertThat(TransferFormat.percent(999, 1000)).isEqualTo("99 %");
        assertThat(TransferFormat.percent(1000, 1000)).isEqualTo("100 %");
        assertThat(TransferFormat.fraction(0, 0)).isEqualTo(1.0);
        assertThat(TransferFormat.fraction(5, 10)).isEqualTo(0.5);
    }
}
