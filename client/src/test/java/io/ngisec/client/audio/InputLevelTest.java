package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputLevelTest {

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
}
