package io.ngisec.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.WavSource;
import io.ngisec.client.call.VoiceDecoder;
import io.ngisec.client.call.VoiceEncoder;
import io.ngisec.client.call.VoiceFormat;
import io.ngisec.client.call.VoicePacketException;
import io.ngisec.client.testing.AudioCompare;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Opus encoder's complexity costs and buys for a call's speech: per complexity, the CPU
 * time one 20 ms frame takes to encode (thread CPU time, after a warm-up of every setting) and the
 * decoded speech's windowed correlation with the input (the measure the call tests use, see
 * {@code AudioCompare}), at the bitrates a call uses. The decoder's time is printed once as the
 * reference: it does not depend on the encoder's complexity. Not part of {@code mvn verify}; run
 * it with {@code mvn -B -o -pl client -am verify -Dtest=EncoderComplexityBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. docs/benchmarks.md, "Opus encoder complexity", has
 * the results.
 */
class EncoderComplexityBenchmark {

    private static final int[] COMPLEXITIES = {0, 1, 2, 3, 5, 7, 9, 10};
    private static final int[] BITRATES = {16_000, 24_000, 32_000};
    private static final int ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void complexityAgainstCpuAndQuality() throws Exception {
        short[] speech = speech();
        int frames = speech.length / VoiceFormat.FRAME_SAMPLES;
        for (int c : COMPLEXITIES) {
            encodeAll(speech, c, 24_000); // warm-up: the JIT sees every setting's code before timing
        }
        long decodeNanos = 0;
        System.out.printf(Locale.ROOT, "speech: %d frames (%.1f s)%n", frames, frames * 0.02);
        System.out.println("complexity, bitrate: encode us/frame (cpu % of a core at 50 frames/s), correlation");
        for (int bitrate : BITRATES) {
            for (int c : COMPLEXITIES) {
                long best = Long.MAX_VALUE;
                List<byte[]> packets = null;
                for (int r = 0; r < ROUNDS; r++) {
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    packets = encodeAll(speech, c, bitrate);
                    best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
                }
                long d0 = THREADS.getCurrentThreadCpuTime();
                short[] decoded = decodeAll(packets);
                decodeNanos = THREADS.getCurrentThreadCpuTime() - d0;
                AudioCompare.Similarity similarity = AudioCompare.compare(speech, decoded, 40);
                double perFrameUs = best / 1000.0 / frames;
                System.out.printf(Locale.ROOT, "c%-2d %2d kbit/s: %6.1f us (%.2f %%)  corr %.4f%n",
                        c, bitrate / 1000, perFrameUs, perFrameUs * 50 / 10_000, similarity.correlation());
                assertThat(similarity.correlation()).as("complexity %d decodes to speech", c).isGreaterThan(0.5);
            }
        }
        System.out.printf(Locale.ROOT, "decode: %.1f us/frame%n", decodeNanos / 1000.0 / frames);
    }

    private static List<byte[]> encodeAll(short[] pcm, int complexity, int bitrate) {
        VoiceEncoder encoder = new VoiceEncoder(complexity);
        encoder.configure(bitrate, 0);
        List<byte[]> packets = new ArrayList<>();
        short[] frame = new short[VoiceFormat.FRAME_SAMPLES];
        for (int i = 0; i + frame.length <= pcm.length; i += frame.length) {
            System.arraycopy(pcm, i, frame, 0, frame.length);
            packets.add(encoder.encode(frame));
        }
        return packets;
    }

    private static short[] decodeAll(List<byte[]> packets) throws VoicePacketException {
        VoiceDecoder decoder = new VoiceDecoder();
        short[] out = new short[packets.size() * VoiceFormat.FRAME_SAMPLES];
        for (int i = 0; i < packets.size(); i++) {
            short[] frame = decoder.decode(packets.get(i));
            System.arraycopy(frame, 0, out, i * frame.length, frame.length);
        }
        return out;
    }

    private short[] speech() throws Exception {
        Path wav = dir.resolve("speech.wav");
        Process p = new ProcessBuilder("espeak-ng", "-w", wav.toString(),
                "The quick brown fox jumps over the lazy dog. A secure call should sound like the person "
                        + "is in the room: every consonant, every pause. One, two, three, four, five, six.")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "espeak-ng failed or is not installed");
        return readAll(wav);
    }

    private static short[] readAll(Path wav) throws AudioException {
        try (WavSource source = WavSource.open(wav)) {
            List<short[]> frames = new ArrayList<>();
            short[] frame = new short[VoiceFormat.FRAME_SAMPLES];
            while (source.read(frame) >= 0) {
                frames.add(frame.clone());
            }
            short[] all = new short[frames.size() * frame.length];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i), 0, all, i * frame.length, frame.length);
            }
            return all;
        }
    }
}
