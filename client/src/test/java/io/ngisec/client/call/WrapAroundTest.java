package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WrapAroundTest {

    @Test
    void sequenceWrapsForwardAndReorderedFramesLandBehind() {
        assertThat(SequenceNumbers.unwrap(65535, 0)).isEqualTo(65536);
        assertThat(SequenceNumbers.unwrap(65536, 65535)).isEqualTo(65535);
        assertThat(SequenceNumbers.unwrap(65536 * 3 + 2, 65533)).isEqualTo(65536 * 3 - 3);
        assertThat(SequenceNumbers.unwrap(10, 10)).isEqualTo(10);
        assertThat(SequenceNumbers.unwrap(0, 32767)).isEqualTo(32767);
        assertThat(SequenceNumbers.unwrap(0, 32768)).isEqualTo(-32768);
        assertThat(SequenceNumbers.unwrap(-2, 1)).isEqualTo(1);
        assertThat(SequenceNumbers.unwrap(5, 65534)).isEqualTo(-2);
    }

    @Test
    void timestampWrapsForwardAndBack() {
        long max = MediaTimestamps.MODULUS - 1;
        assertThat(MediaTimestamps.unwrap(max - 100, 860)).isEqualTo(MediaTimestamps.MODULUS + 860);
        assertThat(MediaTimestamps.unwrap(MediaTimestamps.MODULUS + 860, max - 100)).isEqualTo(max - 100);
        assertThat(MediaTimestamps.unwrap(0, 1L << 31)).isEqualTo(-(1L << 31));
        assertThat(MediaTimestamps.unwrap(0, (1L << 31) - 1)).isEqualTo((1L << 31) - 1);
    }

    @Test
    void anyStepWithinHalfTheRangeIsRecovered() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long last = random.nextLong(-(1L << 40), 1L << 40);
            long seqStep = random.nextLong(-32768, 32768);
            assertThat(SequenceNumbers.unwrap(last, (int) Math.floorMod(last + seqStep, SequenceNumbers.MODULUS)))
                    .isEqualTo(last + seqStep);
            long tsStep = random.nextLong(-(1L << 31), 1L << 31);
            assertThat(MediaTimestamps.unwrap(last, Math.floorMod(last + tsStep, MediaTimestamps.MODULUS)))
                    .isEqualTo(last + tsStep);
        }
    }

    @Test
    void refusesValuesOutsideTheWireRange() {
        assertThatThrownBy(() -> SequenceNumbers.unwrap(0, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaTimestamps.unwrap(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesToNanosIsExactForWholeFrames() {
        assertThat(MediaFormat.samplesToNanos(VoiceFormat.FRAME_SAMPLES)).isEqualTo(MediaFormat.FRAME_NANOS);
        assertThat(MediaFormat.samplesToNanos(48_000L * 3600 * 24 * 365)).isEqualTo(1_000_000_000L * 3600 * 24 * 365);
        assertThat(MediaFormat.samplesToNanos(-960)).isEqualTo(-MediaFormat.FRAME_NANOS);
    }
}
