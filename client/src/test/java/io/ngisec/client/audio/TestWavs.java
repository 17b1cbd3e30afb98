package io.ngisec.client.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes WAV files of any layout, including wrong ones, for the reader's tests. */
final class TestWavs {

    private TestWavs() {
    }

    /** A 16-bit PCM WAV of interleaved {@code samples} with {@code channels} at {@code rate}. */
    static Path pcm16(Path file, int rate, int channels, short[] samples) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            data.putShort(s);
        }
        return write(file, fmt(1, channels, rate, 16), data.array());
    }

    /** The same mono signal on both channels of a stereo 16-bit PCM WAV. */
    static Path stereoCopy(Path file, int rate, short[] mono) throws IOException {
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        return pcm16(file, rate, 2, stereo);
    }

    /** A plain {@code fmt } chunk body (16 bytes). */
    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int block = channels * ((bits + 7) / 8);
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits).array();
    }

    /** A WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk body (40 bytes) whose sub-format is {@code tag}. */
    static byte[] extensibleFmt(int tag, int channels, int rate, int bits) {
        int block = channels * ((bits + 7) / 8);
        return ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits).putShort((short) 22).putShort((short) bits)
                .putInt(0).putShort((short) tag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71})
                .array();
    }

    /** RIFF/WAVE with a {@code fmt } chunk and a {@code data} chunk declaring its true size. */
    static Path write(Path file, byte[] fmt, byte[] data) throws IOException {
        return write(file, fmt, data, data.length);
    }

    /** RIFF/WAVE with a {@code fmt } chunk, a {@code LIST} chunk to skip, and a {@code data} chunk declaring {@code declaredDataBytes}. */
    static Path write(Path file, byte[] fmt, byte[] data, long declaredDataBytes) throws IOException {
        byte[] list = "INFOISFT\u0006\u0000\u0000\u0000tests\u0000".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + fmt.length + 8 + list.length + 8 + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(out.capacity() - 8).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(fmt.length).put(fmt);
        out.put(ascii("LIST")).putInt(list.length).put(list);
        out.put(ascii("data")).putInt((int) declaredDataBytes).put(data);
        Files.write(file, out.array());
        return file;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
