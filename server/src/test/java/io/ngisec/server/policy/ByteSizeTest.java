package io.ngisec.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void readsDecimalAndBinaryUnitsInAnyCase() {
        assertThat(ByteSize.parse("1 B")).hasValue(1);
        assertThat(ByteSize.parse("500 MB")).hasValue(500_000_000);
        assertThat(ByteSize.parse("10 GiB")).hasValue(10L << 30);
        assertThat(ByteSize.parse("10gib")).hasValue(10L << 30);
        assertThat(ByteSize.parse("1.5 KB")).hasValue(1500);
        assertThat(ByteSize.parse("0.5 KiB")).hasValue(512);
        assertThat(ByteSize.parse(" 2 TB ")).hasValue(2_000_000_000_000L);
        assertThat(ByteSize.parse("8388607 TiB")).hasValue(8388607L << 40);
    }

    @Test
    void refusesWhatIsNotAWholePositiveByteCountThatFits() {
        for (String bad : new String[] {"", "10", "GiB", "0 B", "0.5 B", "-1 KB", "1 PB", "1 Kb/s", "1e3 B",
                "1,5 KB", "8388608 TiB", "99999999999999999999 B", "1 KiBB", "١٢ KB"}) {
            assertThat(ByteSize.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void formatsInTheLargestExactBinaryUnit() {
        assertThat(ByteSize.format(10L << 30)).isEqualTo("10 GiB");
        assertThat(ByteSize.format(1536)).isEqualTo("1536 B");
        assertThat(ByteSize.format(3L << 40)).isEqualTo("3 TiB");
        assertThat(ByteSize.format(1000)).isEqualTo("1000 B");
        assertThat(ByteSize.format(2048)).isEqualTo("2 KiB");
    }
}
