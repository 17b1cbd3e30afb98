package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToneSourceTest {

    @Test
    void itIsTheFrequencyAndLevelAskedForAcrossFrames() throws Exception {
        ToneSource tone = new ToneSource(440, 0.25, Optional.of(Duration.ofSeconds(1)));
        short[] all = TestSignals.readAll(tone);
        assertEquals(AudioFrame.SAMPLE_RATE, all.length);
        assertEquals(440, TestSignals.zeroCrossingHz(all, 0, all.length, AudioFrame.SAMPLE_RATE), 0.01);
        assertEquals(0.25 / Math.sqrt(2), TestSignals.rms(all, 0, all.length), 0.001);
        assertFalse(tone.paced());
        assertEquals("tone 440 Hz", tone.describe());
    }

    @Test
    void aDurationThatIsNotWholeFramesEndsWithAPaddedFrame() throws Exception {
        ToneSource tone = new ToneSource(1000, 0.5, Optional.of(Duration.ofMillis(30)));
        short[] frame = AudioFrame.create();
        assertEquals(AudioFrame.SAMPLES, tone.read(frame));
        assertEquals(AudioFrame.SAMPLES / 2, tone.read(frame));
        assertArrayEquals(new short[AudioFrame.SAMPLES / 2],
                Arrays.copyOfRange(frame, AudioFrame.SAMPLES / 2, AudioFrame.SAMPLES));
        assertEquals(-1, tone.read(frame));
    }

    @Test
    void closingEndsAnEndlessTone() throws Exception {
        ToneSource tone = ToneSource.of(261.5);
        assertEquals("tone 261.5 Hz", tone.describe());
        short[] frame = AudioFrame.create();
        assertEquals(AudioFrame.SAMPLES, tone.read(frame));
        tone.close();
        assertEquals(-1, tone.read(frame));
    }

    @Test
    void framesMustBeTwentyMilliseconds() {
        assertThrows(IllegalArgumentException.class, () -> ToneSource.of(440).read(new short[480]));
        assertThrows(IllegalArgumentException.class, () -> ToneSource.of(24_000));
    }

    @Test
    void silenceIsEndlessZerosUntilClosed() {
        SilenceSource silence = new SilenceSource();
        short[] frame = AudioFrame.create();
        Arrays.fill(frame, (short) 3);
        assertEquals(AudioFrame.SAMPLES, silence.read(frame));
        assertArrayEquals(new short[AudioFrame.SAMPLES], frame);
        silence.close();
        assertEquals(-1, silence.read(frame));
    }
}
