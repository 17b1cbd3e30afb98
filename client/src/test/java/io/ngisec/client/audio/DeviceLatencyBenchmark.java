package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.client.testing.PulseAudioServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio devices' share of a call's delay, through a private PulseAudio daemon as in the call
 * tests: clicks written with {@link LineSink} to a null sink whose monitor is read with
 * {@link LineSource}, write to read, which is both line buffers, the sound server and the 20 ms a
 * captured frame takes to fill; and how much each line holds while a frame passes. Not part of
 * {@code mvn verify} (the name matches no test pattern); run it with {@code mvn -B -o -pl client
 * -am verify -Dtest=DeviceLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DeviceLatencyBenchmark {

    private static final int CLICKS = 40;

    @TempDir
    Path dir;

    @Test
    void writeToReadThroughANullSink() throws Exception {
        Optional<String> missing = PulseAudioServer.unavailable();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "no PulseAudio: " + missing.orElseThrow());
        try (PulseAudioServer server = PulseAudioServer.start(dir.resolve("pulse"), "speaker", "microphone")) {
            List<String> roundTrip;
            try (ProbeProcess probe = ProbeProcess.start(b -> server.configure(b, "speaker", "speaker"), "round-trip",
                    Integer.toString(CLICKS))) {
                roundTrip = probe.finish();
            }
            int[] ms = Arrays.stream(ProbeProcess.value(roundTrip, "round-trip-ms").replaceAll("[\\[\\] ]", "").split(","))
                    .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).sorted().toArray();
            List<String> play;
            try (ProbeProcess probe = ProbeProcess.start(b -> server.configure(b, "speaker", "microphone"), "play", "1000",
                    "10")) {
                play = probe.finish();
            }
            Path captured = dir.resolve("captured.wav");
            List<String> capture;
            try (ProbeProcess probe = ProbeProcess.start(b -> server.configure(b, "speaker", "speaker"), "capture", "10",
                    captured.toString())) {
                capture = probe.finish();
            }
            System.out.printf("write to read through a null sink, %d of %d clicks: mean %.1f, p50 %d, p95 %d, min %d, "
                    + "max %d ms%n", ms.length, CLICKS, Arrays.stream(ms).average().orElse(Double.NaN), pick(ms, 50),
                    pick(ms, 95), ms[0], ms[ms.length - 1]);
            System.out.printf("playback line after each write: buffer %s samples, held on average %s, at most %s%n",
                    ProbeProcess.value(play, "buffer"), ProbeProcess.value(play, "queued-mean"),
                    ProbeProcess.value(play, "queued-max"));
            System.out.printf("capture line after each read: buffer %s samples, left on average %s, at most %s%n",
                    ProbeProcess.value(capture, "buffer"), ProbeProcess.value(capture, "queued-mean"),
                    ProbeProcess.value(capture, "queued-max"));
            assertTrue(ms.length >= CLICKS * 9 / 10, String.join("\n", roundTrip));
        }
    }

    private static int pick(int[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
