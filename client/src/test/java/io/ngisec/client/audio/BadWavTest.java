package io.ngisec.client.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadWavTest {

    @TempDir
    Path dir;

    @Test
    void eightBitPcm() throws Exception {
        Path file = TestWavs.write(dir.resolve("eight.wav"), TestWavs.fmt(1, 1, 8000, 8), new byte[800]);
        assertRejected(file, "unsupported WAV format (8-bit PCM); use 16-bit PCM");
    }

    @Test
    void twentyFourBitPcm() throws Exception {
        Path file = TestWavs.write(dir.resolve("deep.wav"), TestWavs.fmt(1, 2, 48_000, 24), new byte[600]);
        assertRejected(file, "unsupported WAV format (24-bit PCM); use 16-bit PCM");
    }

    @Test
    void floatSamples() throws Exception {
        Path file = TestWavs.write(dir.resolve("float.wav"), TestWavs.fmt(3, 1, 48_000, 32), new byte[400]);
        assertRejected(file, "unsupported WAV format (32-bit float); use 16-bit PCM");
    }

    @Test
    void floatSamplesInAnExtensibleHeader() throws Exception {
        Path file = TestWavs.write(dir.resolve("ext.wav"), TestWavs.extensibleFmt(3, 2, 44_100, 32), new byte[400]);
        assertRejected(file, "unsupported WAV format (32-bit float); use 16-bit PCM");
    }

    @Test
    void compressedSamples() throws Exception {
        Path file = TestWavs.write(dir.resolve("ulaw.wav"), TestWavs.fmt(7, 1, 8000, 8), new byte[400]);
        assertRejected(file, "unsupported WAV format (mu-law); use 16-bit PCM");
        Path mp3 = TestWavs.write(dir.resolve("mp3.wav"), TestWavs.fmt(0x55, 2, 44_100, 0x10), new byte[400]);
        assertRejected(mp3, "unsupported WAV format (MP3); use 16-bit PCM");
    }

    @Test
    void moreThanTwoChannels() throws Exception {
        Path file = TestWavs.write(dir.resolve("surround.wav"), TestWavs.fmt(1, 6, 48_000, 16), new byte[1200]);
        assertRejected(file, "unsupported WAV format (6 channels); use mono or stereo 16-bit PCM");
    }

    @Test
    void aRateTooLowToBeSpeech() throws Exception {
        Path file = TestWavs.write(dir.resolve("slow.wav"), TestWavs.fmt(1, 1, 4000, 16), new byte[400]);
        assertRejected(file, "unsupported WAV format (4000 Hz); use 8 to 192 kHz 16-bit PCM");
    }

    @Test
    void anExtensibleHeaderWith16BitPcmIsAccepted() throws Exception {
        Path file = TestWavs.write(dir.resolve("ext16.wav"), TestWavs.extensibleFmt(1, 1, 48_000, 16), new byte[4]);
        try (WavSource source = WavSource.open(file)) {
            assertEquals(2, TestSignals.readAll(source).length);
        }
    }

    @Test
    void truncatedInsideTheHeader() throws Exception {
        Path whole = TestWavs.pcm16(dir.resolve("whole.wav"), 48_000, 1, new short[100]);
        Path file = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(Files.readAllBytes(whole), 30));
        assertRejected(file, "truncated WAV file (it ends inside its header)");
    }

    @Test
    void noDataChunk() throws Exception {
        Path whole = TestWavs.pcm16(dir.resolve("whole.wav"), 48_000, 1, new short[100]);
        // RIFF header, fmt chunk and LIST chunk: everything before "data".
        int beforeData = 12 + 8 + 16 + 8 + 18;
        Path file = Files.write(dir.resolve("nodata.wav"), Arrays.copyOf(Files.readAllBytes(whole), beforeData));
        assertRejected(file, "truncated WAV file (no data chunk)");
    }

    @Test
    void notRiff() throws Exception {
        Path file = Files.writeString(dir.resolve("text.wav"), "this is not a sound file, but it is long enough",
                StandardCharsets.US_ASCII);
        assertRejected(file, "not a WAV file (no RIFF/WAVE header)");
    }

    @Test
    void anEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("zero.wav"), new byte[0]);
        assertRejected(file, "truncated WAV file (it ends inside its header)");
    }

    @Test
    void aMissingFile() {
        assertRejected(dir.resolve("missing.wav"), "no such file or directory");
    }

    @Test
    void aDirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.wav"));
        assertRejected(folder, "is a directory, not a WAV file");
        AudioException e = assertThrows(AudioException.class, () -> WavSink.create(folder));
        assertEquals(folder + ": is a directory, not a WAV file", e.getMessage());
    }

    @Test
    void aSinkInAMissingFolder() {
        Path file = dir.resolve("no/such/folder/out.wav");
        AudioException e = assertThrows(AudioException.class, () -> WavSink.create(file));
        assertEquals(file + ": no such file or directory", e.getMessage());
        assertEquals(AudioException.Reason.BAD_INPUT, e.reason());
    }

    private static void assertRejected(Path file, String why) {
        AudioException e = assertThrows(AudioException.class, () -> WavSource.open(file).close());
        assertEquals(file + ": " + why, e.getMessage());
        assertEquals(AudioException.Reason.BAD_INPUT, e.reason());
        assertFalse(e.getMessage().contains("\n"));
    }
}
