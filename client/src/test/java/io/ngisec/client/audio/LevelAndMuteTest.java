package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LevelAndMuteTest {

    @Test
    void aFullScaleSineIsMinusThreeDbfsRmsAndZeroPeak() {
        // 1 kHz at 48 kHz: a frame holds exactly 20 periods.
        short[] sine = TestSignals.sine(1000, 1, AudioFrame.SAMPLE_RATE, AudioFrame.SAMPLES);
        InputLevel level = InputLevel.of(sine, sine.length);
        assertEquals(-3.01, level.rmsDbfs(), 0.01);
        assertEquals(0, level.peakDbfs(), 0.01);
    }

    @Test
    void aSineTwentyDecibelsDownReadsSo() {
        short[] sine = TestSignals.sine(1000, 0.1, AudioFrame.SAMPLE_RATE, AudioFrame.SAMPLES);
        InputLevel level = InputLevel.of(sine, sine.length);
        assertEquals(-23.01, level.rmsDbfs(), 0.01);
        assertEquals(-20, level.peakDbfs(), 0.01);
    }

    @Test
    void aFullScaleSquareIsZeroDbfs() {
        short[] square = new short[AudioFrame.SAMPLES];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? Short.MIN_VALUE : Short.MAX_VALUE;
        }
        InputLevel level = InputLevel.of(square, square.length);
        assertEquals(0, level.rmsDbfs(), 0.001);
        assertEquals(0, level.peakDbfs(), 1e-9);
    }

    @Test
    void silenceAndTheQuietestSampleReadTheFloor() {
        assertEquals(InputLevel.SILENCE, InputLevel.of(new short[AudioFrame.SAMPLES], AudioFrame.SAMPLES));
        assertEquals(InputLevel.SILENCE, InputLevel.of(new short[AudioFrame.SAMPLES], 0));
        short[] one = new short[AudioFrame.SAMPLES];
        one[5] = 1;
        InputLevel level = InputLevel.of(one, one.length);
        assertEquals(InputLevel.FLOOR_DBFS, level.rmsDbfs());
        assertEquals(-90.31, level.peakDbfs(), 0.01);
    }

    @Test
    void onlyTheSamplesReadAreMeasured() {
        short[] frame = TestSignals.sine(1000, 1, AudioFrame.SAMPLE_RATE, AudioFrame.SAMPLES);
        Arrays.fill(frame, 480, frame.length, (short) 0);
        assertEquals(-3.01, InputLevel.of(frame, 480).rmsDbfs(), 0.01);
    }

    @Test
    void aMeteredSourceShowsTheLastFrameAndSilenceAtTheEnd() throws Exception {
        MeteredSource metered = new MeteredSource(new ToneSource(1000, 0.1, Optional.of(Duration.ofMillis(40))));
        assertEquals(InputLevel.SILENCE, metered.level());
        short[] frame = AudioFrame.create();
        assertEquals(AudioFrame.SAMPLES, metered.read(frame));
        assertEquals(-23.01, metered.level().rmsDbfs(), 0.01);
        metered.read(frame);
        assertEquals(-1, metered.read(frame));
        assertEquals(InputLevel.SILENCE, metered.level());
    }

    @Test
    void mutedFramesAreZerosAndTheSourceKeepsMoving() throws Exception {
        MutableSource mutable = new MutableSource(ToneSource.of(1000));
        ToneSource reference = ToneSource.of(1000);
        short[] frame = AudioFrame.create();
        short[] expected = AudioFrame.create();

        mutable.read(frame);
        reference.read(expected);
        assertArrayEquals(expected, frame);

        mutable.setMuted(true);
        assertTrue(mutable.muted());
        assertEquals(AudioFrame.SAMPLES, mutable.read(frame));
        reference.read(expected);
        assertArrayEquals(new short[AudioFrame.SAMPLES], frame);

        mutable.setMuted(false);
        mutable.read(frame);
        reference.read(expected);
        assertArrayEquals(expected, frame, "unmuted, the tone continues where it would have been");
    }

    @Test
    void aMeterOutsideTheMuteShowsTheMicrophoneAndInsideShowsWhatIsSent() throws Exception {
        MutableSource mutedMicrophone = new MutableSource(ToneSource.of(1000));
        MeteredSource sent = new MeteredSource(mutedMicrophone);
        MeteredSource microphone = new MeteredSource(ToneSource.of(1000));
        MutableSource mutedAfterMeter = new MutableSource(microphone);
        mutedMicrophone.setMuted(true);
        mutedAfterMeter.setMuted(true);
        short[] frame = AudioFrame.create();
        sent.read(frame);
        mutedAfterMeter.read(frame);
        assertEquals(InputLevel.SILENCE, sent.level());
        assertEquals(-9.03, microphone.level().rmsDbfs(), 0.01);
    }
}
