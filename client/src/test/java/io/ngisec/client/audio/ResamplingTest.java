package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplingTest {

    private static final int RATE = AudioFrame.SAMPLE_RATE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz, {1} channel(s), {2} Hz tone")
    @CsvSource({"22050, 1, 1000", "22050, 2, 3000", "16000, 1, 1000", "16000, 2, 440", "8000, 1, 300",
            "11025, 1, 2500", "44100, 2, 997", "96000, 1, 15000"})
    void aSineKeepsItsFrequencyAndAmplitudeAtFortyEightKilohertz(int fileRate, int channels, double hz) throws Exception {
        double seconds = 1.5;
        short[] tone = TestSignals.sine(hz, 0.5, fileRate, (int) (seconds * fileRate));
        Path file = dir.resolve("tone.wav");
        if (channels == 1) {
            TestWavs.pcm16(file, fileRate, 1, tone);
        } else {
            TestWavs.stereoCopy(file, fileRate, tone);
        }
        short[] out;
        try (WavSource source = WavSource.open(file)) {
            assertEquals(fileRate, source.fileSampleRate());
            assertEquals(channels, source.fileChannels());
            out = TestSignals.readAll(source);
        }
        assertEquals(Math.ceilDiv((long) tone.length * RATE, fileRate), out.length, "output length");
        // The first and last 10 ms see the zeros around the file; measure in between.
        int from = RATE / 100;
        int to = out.length - RATE / 100;
        assertEquals(hz, TestSignals.zeroCrossingHz(out, from, to, RATE), hz * 1e-4, "frequency");
        assertEquals(0.5 / Math.sqrt(2), TestSignals.rms(out, from, to), 0.5 / Math.sqrt(2) * 0.01, "RMS");
        if (fileRate < RATE) {
            // Upsampling mirrors the spectrum around the file's rate unless the filter removes it.
            assertTrue(TestSignals.relativeDb(out, from, to, fileRate - hz, hz, RATE) < -60,
                    "the image at " + (fileRate - hz) + " Hz is more than 60 dB down");
        }
    }

    @Test
    void downsamplingRemovesWhatFortyEightKilohertzCannotCarry() throws Exception {
        int fileRate = 96_000;
        short[] wanted = TestSignals.sine(1000, 0.3, fileRate, fileRate);
        short[] tooHigh = TestSignals.sine(30_000, 0.3, fileRate, fileRate);
        short[] mix = new short[fileRate];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (wanted[i] + tooHigh[i]);
        }
        short[] out;
        try (WavSource source = WavSource.open(TestWavs.pcm16(dir.resolve("mix.wav"), fileRate, 1, mix))) {
            out = TestSignals.readAll(source);
        }
        // 30 kHz would fold to 18 kHz at 48 kHz.
        assertTrue(TestSignals.relativeDb(out, 480, out.length - 480, 18_000, 1000, RATE) < -60);
    }

    @Test
    void aConstantStaysExactlyConstantAwayFromTheEdges() {
        Resampler resampler = new Resampler(22_050, RATE);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 22_050; i++) {
            resampler.accept(1000, out::add);
        }
        resampler.finish(out::add);
        assertEquals(RATE, out.size());
        for (int i = 200; i < out.size() - 200; i++) {
            assertEquals(1000, out.get(i), 1e-9, "sample " + i);
        }
    }

    @Test
    void theOutputIsAlignedWithTheInput() {
        // An impulse at input sample 100 of 16 kHz peaks at output sample 300 of 48 kHz.
        Resampler resampler = new Resampler(16_000, RATE);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            resampler.accept(i == 100 ? 10_000 : 0, out::add);
        }
        resampler.finish(out::add);
        int peak = 0;
        for (int i = 0; i < out.size(); i++) {
            peak = out.get(i) > out.get(peak) ? i : peak;
        }
        assertEquals(300, peak);
        assertEquals(3000, out.size());
    }
}
