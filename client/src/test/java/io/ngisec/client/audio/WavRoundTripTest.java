package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void framesWrittenAtFortyEightKilohertzReadBackBitExact() throws Exception {
        short[] written = noise(120 * AudioFrame.SAMPLES, 1);
        Path file = dir.resolve("round.wav");
        try (WavSink sink = WavSink.create(file)) {
            writeFrames(sink, written, 120);
        }
        assertEquals(WavHeader.CANONICAL_BYTES + written.length * 2L, Files.size(file));
        try (WavSource source = WavSource.open(file)) {
            assertFalse(source.paced());
            assertEquals("file " + file, source.describe());
            assertArrayEquals(written, TestSignals.readAll(source));
        }
    }

    @Test
    void theJdksOwnWavReaderAgreesWithTheHeader() throws Exception {
        Path file = dir.resolve("jdk.wav");
        try (WavSink sink = WavSink.create(file)) {
            writeFrames(sink, noise(7 * AudioFrame.SAMPLES, 2), 7);
        }
        AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
        assertEquals(AudioFileFormat.Type.WAVE, format.getType());
        assertEquals(7 * AudioFrame.SAMPLES, format.getFrameLength());
        assertEquals(AudioFrame.LINE_FORMAT.toString(), format.getFormat().toString());
    }

    @Test
    void aSinkThatIsNeverClosedLeavesAValidFileUpToTheLastFullSecond() throws Exception {
        short[] written = noise(75 * AudioFrame.SAMPLES, 3);
        Path file = dir.resolve("killed.wav");
        Path snapshot = dir.resolve("snapshot.wav");
        WavSink sink = WavSink.create(file);
        try {
            writeFrames(sink, written, 75);
            // What a process killed now would leave: the bytes the operating system has, no close.
            Files.copy(file, snapshot);
        } finally {
            sink.close();
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(snapshot), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        int dataBytes = WavSink.FRAMES_PER_HEADER_UPDATE * AudioFrame.BYTES;
        assertEquals(dataBytes + 36, header.getInt(4));
        assertEquals(dataBytes, header.getInt(40));
        assertEquals(WavHeader.CANONICAL_BYTES + 75L * AudioFrame.BYTES, Files.size(snapshot));
        try (WavSource source = WavSource.open(snapshot)) {
            assertArrayEquals(Arrays.copyOf(written, dataBytes / 2), TestSignals.readAll(source));
        }
        assertEquals(dataBytes / 2, AudioSystem.getAudioFileFormat(snapshot.toFile()).getFrameLength());
        try (WavSource source = WavSource.open(file)) {
            assertArrayEquals(written, TestSignals.readAll(source));
        }
    }

    @Test
    void theLastPartialFrameIsPaddedWithZerosAndCounted() throws Exception {
        short[] samples = noise(AudioFrame.SAMPLES + 40, 4);
        Path file = TestWavs.pcm16(dir.resolve("short.wav"), AudioFrame.SAMPLE_RATE, 1, samples);
        try (WavSource source = WavSource.open(file)) {
            short[] frame = AudioFrame.create();
            assertEquals(AudioFrame.SAMPLES, source.read(frame));
            Arrays.fill(frame, (short) 7);
            assertEquals(40, source.read(frame));
            assertArrayEquals(Arrays.copyOfRange(samples, AudioFrame.SAMPLES, samples.length), Arrays.copyOf(frame, 40));
            assertArrayEquals(new short[AudioFrame.SAMPLES - 40], Arrays.copyOfRange(frame, 40, AudioFrame.SAMPLES));
            assertEquals(-1, source.read(frame));
            assertEquals(-1, source.read(frame));
        }
    }

    @Test
    void aDataChunkCutShortPlaysWhatTheFileHolds() throws Exception {
        short[] samples = noise(1000, 5);
        byte[] data = new byte[2 * samples.length + 1];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
        Path file = TestWavs.write(dir.resolve("cut.wav"), TestWavs.fmt(1, 1, 48_000, 16), data, 1_000_000);
        try (WavSource source = WavSource.open(file)) {
            assertArrayEquals(samples, TestSignals.readAll(source));
        }
    }

    @Test
    void anEmptyFileReadsAsEndAtOnce() throws Exception {
        Path file = dir.resolve("empty.wav");
        WavSink.create(file).close();
        try (WavSource source = WavSource.open(file)) {
            assertEquals(-1, source.read(AudioFrame.create()));
        }
    }

    @Test
    void aSinkReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("again.wav");
        Files.write(file, new byte[100_000]);
        try (WavSink sink = WavSink.create(file)) {
            writeFrames(sink, noise(AudioFrame.SAMPLES, 6), 1);
        }
        assertEquals(WavHeader.CANONICAL_BYTES + AudioFrame.BYTES, Files.size(file));
    }

    private static void writeFrames(AudioSink sink, short[] samples, int frames) throws AudioException {
        for (int f = 0; f < frames; f++) {
            sink.write(Arrays.copyOfRange(samples, f * AudioFrame.SAMPLES, (f + 1) * AudioFrame.SAMPLES));
        }
    }

    private static short[] noise(int samples, long seed) {
        Random random = new Random(seed);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) random.nextInt();
        }
        return out;
    }
}
