package io.ngisec.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading media traces back: windows, pairing by sequence number, percentiles, a cut-off last line. */
class MediaTracesTest {

    @TempDir
    Path dir;

    @Test
    void stagesAreMeasuredWithinTheWindowAndPairedBySequenceNumber() throws Exception {
        Path sender = dir.resolve("a.tsv");
        Files.writeString(sender, """
                tx 7 1000000 3000000
                tx 8 21000000 22000000
                tx 9 41000000 45000000
                play 5000000 5500000
                play 25000000 26500000
                """);
        Path receiver = dir.resolve("b.tsv");
        Files.writeString(receiver, """
                rx 8 23000000
                rx 7 9000000
                rx 9 46000000
                play 30000000 30250000
                tx 1 2
                rx 10 4
                """);
        MediaTraces a = MediaTraces.read(sender);
        MediaTraces b = MediaTraces.read(receiver);

        MediaTraces.Distribution send = a.captureToSend(0, 41_000_000);
        assertThat(send.count()).isEqualTo(2);
        assertThat(send.percentileMillis(50)).isEqualTo(1.0);
        assertThat(send.percentileMillis(100)).isEqualTo(2.0);
        assertThat(a.captureToSend(0, 50_000_000).meanMillis()).isCloseTo(7.0 / 3, offset(1e-9));

        assertThat(a.popToWritten(0, 50_000_000).sortedNanos()).containsExactly(500_000, 1_500_000);
        assertThat(b.network(a, 0, 50_000_000).sortedNanos()).containsExactly(1_000_000, 1_000_000, 6_000_000);
        assertThat(b.network(a, 20_000_000, 50_000_000).count()).isEqualTo(2);
        // The receiver's cut-off "tx 1 2" line is skipped, not counted.
        assertThat(b.tx()).isEmpty();
    }
}
