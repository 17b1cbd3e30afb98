package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.client.testing.PulseAudioServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javax.sound path end to end, through a private PulseAudio daemon whose null sinks stand in
 * for speakers and microphones. Each scenario runs in a {@link DeviceProbe} child JVM, since the
 * JDK's ALSA backend takes PulseAudio's address from the process environment.
 */
class PulseAudioDeviceTest {

    private static final int RATE = AudioFrame.SAMPLE_RATE;

    @TempDir
    Path dir;

    private PulseAudioServer server;

    @BeforeEach
    void startServer() throws Exception {
        Optional<String> unavailable = PulseAudioServer.unavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "no PulseAudio: " + unavailable.orElseThrow());
        server = PulseAudioServer.start(dir.resolve("pulse"), "speaker", "microphone");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theJdkSeesTheServersDefaultDevice() throws Exception {
        List<String> output = probe("list");
        assertTrue(output.contains("device default [default]\ttrue\ttrue"), String.join("\n", output));
    }

    @Test
    void aToneWrittenThroughLineSinkArrivesOnTheSpeakersMonitor() throws Exception {
        Path recorded = dir.resolve("speaker.wav");
        PulseAudioServer.Recording recording = server.record("speaker", recorded);
        List<String> output;
        try {
            output = probe("play", "1000", "2");
        } finally {
            // parecord completes the WAV header as it stops.
            recording.close();
        }
        int written = Integer.parseInt(ProbeProcess.value(output, "written"));
        assertEquals(100, written + Integer.parseInt(ProbeProcess.value(output, "dropped")), String.join("\n", output));
        assertTone(read(recorded), 1000, written, String.join("\n", output));
    }

    @Test
    void whatIsPlayedIntoTheMicrophoneSinkReachesLineSource() throws Exception {
        Path tone = dir.resolve("tone.wav");
        try (ToneSource source = new ToneSource(660, 0.5, Optional.of(Duration.ofMillis(1500)));
                WavSink sink = WavSink.create(tone)) {
            short[] frame = AudioFrame.create();
            while (source.read(frame) > 0) {
                sink.write(frame);
            }
        }
        Path captured = dir.resolve("captured.wav");
        List<String> output;
        try (ProbeProcess probe = ProbeProcess.start(this::asPeer, "capture", "4", captured.toString())) {
            probe.awaitLine("capturing");
            server.play("microphone", tone);
            output = probe.finish();
        }
        assertEquals("200", ProbeProcess.value(output, "captured"), String.join("\n", output));
        assertTone(read(captured), 660, 75, String.join("\n", output));
    }

    @Test
    void clicksGoRoundFromLineSinkToLineSourceThroughOneSink() throws Exception {
        List<String> output;
        try (ProbeProcess probe = ProbeProcess.start(b -> server.configure(b, "speaker", "speaker"), "round-trip", "8")) {
            output = probe.finish();
        }
        String delays = ProbeProcess.value(output, "round-trip-ms");
        // Every click came back; how long it took is measured, not judged, here.
        assertEquals(8, delays.split(",").length, String.join("\n", output));
        System.out.println("device round trip (write to read, ms): " + delays + ", " + String.join("; ", output));
    }

    @Test
    void aStoppedServerMakesOpeningFailWithinTheBoundInsteadOfHanging() throws Exception {
        server.suspend();
        List<String> output = probe("open-capture");
        assertEquals(List.of("error opening the audio input did not finish within 5 s; the sound system is not answering"),
                output);
    }

    @Test
    void aServerThatStopsWhileCapturingFailsTheReadInsteadOfHanging() throws Exception {
        List<String> output;
        try (ProbeProcess probe = ProbeProcess.start(this::asPeer, "read-until-failure")) {
            probe.awaitLine("reading");
            server.suspend();
            output = probe.finish();
        }
        assertEquals(List.of("reading", "error device \"default\" delivered no audio for 5 s"), output);
    }

    private List<String> probe(String... args) throws Exception {
        return probe(this::asPeer, args);
    }

    private static List<String> probe(Consumer<ProcessBuilder> environment, String... args) throws Exception {
        try (ProbeProcess probe = ProbeProcess.start(environment, args)) {
            return probe.finish();
        }
    }

    private void asPeer(ProcessBuilder builder) {
        server.configure(builder, "speaker", "microphone");
    }

    private static short[] read(Path wav) throws AudioException {
        try (WavSource source = WavSource.open(wav)) {
            return TestSignals.readAll(source);
        }
    }

    /**
     * At least 80% of the {@code frames} played are there as 20 ms windows dominated by {@code hz}
     * (a dropout or a click spreads a window's energy), and the longest unbroken run of them,
     * at least half a second, has the right frequency (within 0.5 %).
     */
    private static void assertTone(short[] recording, double hz, int frames, String context) {
        int toneWindows = 0;
        int runStart = 0;
        int bestStart = 0;
        int bestLength = 0;
        int windows = recording.length / AudioFrame.SAMPLES;
        for (int w = 0; w <= windows; w++) {
            boolean tone = w < windows && isTone(recording, w * AudioFrame.SAMPLES, hz);
            if (tone) {
                toneWindows++;
            } else {
                if (w - runStart > bestLength) {
                    bestLength = w - runStart;
                    bestStart = runStart;
                }
                runStart = w + 1;
            }
        }
        String summary = toneWindows + " of " + frames + " frames carry the tone, longest run " + bestLength
                + "; probe said: " + context;
        System.out.println("tone " + hz + " Hz: " + summary);
        assertTrue(toneWindows >= frames * 8 / 10, summary);
        assertTrue(bestLength >= 25, summary);
        double measured = TestSignals.zeroCrossingHz(recording, bestStart * AudioFrame.SAMPLES,
                (bestStart + bestLength) * AudioFrame.SAMPLES, RATE);
        // 0.5 %: a wrong sample rate anywhere on the path is off by 8 % or more (44.1 against
        // 48 kHz); 0.1 % failed once in CI (658.0 Hz for 660) where a few milliseconds' glitch in
        // a window still dominated by the tone cost a handful of zero crossings.
        assertEquals(hz, measured, hz * 5e-3, summary);
    }

    private static boolean isTone(short[] samples, int from, double hz) {
        int to = from + AudioFrame.SAMPLES;
        double rms = TestSignals.rms(samples, from, to);
        // A pure tone puts about half its mean square at its frequency through the Hann window.
        return rms > 0.05 && TestSignals.power(samples, from, to, hz, RATE) > 0.4 * rms * rms;
    }
}
