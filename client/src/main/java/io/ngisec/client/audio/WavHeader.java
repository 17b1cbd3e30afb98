package io.ngisec.client.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The format and data chunk of a RIFF WAVE file: what {@link WavSource} reads and
 * {@link WavSink} writes. Only the chunks before the data are read; {@code LIST}, {@code fact}
 * and other chunks are skipped.
 *
 * @param formatTag     the WAVE format tag, or an extensible file's sub-format (1 = PCM, 3 = float)
 * @param channels      interleaved channels
 * @param sampleRate    samples per second per channel
 * @param bitsPerSample bits in one sample
 * @param dataBytes     the data chunk's declared size; {@link #UNKNOWN_SIZE} means "to the end of the file"
 */
record WavHeader(int formatTag, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

    /** A data chunk size that streaming writers use for "unknown": read to the end of the file. */
    static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    /** Bytes of the canonical 16-bit PCM header {@link #canonical} writes. */
    static final int CANONICAL_BYTES = 44;
    /** Largest data chunk a canonical file can declare (RIFF sizes are 32-bit). */
    static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (CANONICAL_BYTES - 8);
    /** Where a canonical header keeps the RIFF chunk's size and the data chunk's size. */
    static final int RIFF_SIZE_OFFSET = 4;
    static final int DATA_SIZE_OFFSET = 40;

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int MIN_RATE = 8_000;
    private static final int MAX_RATE = 192_000;

    /** Bytes per sample frame (one sample of every channel). */
    int blockBytes() {
        return channels * ((bitsPerSample + 7) / 8);
    }

    /**
     * Reads the header from {@code in}, leaving it at the first data byte; {@code name} (the file)
     * starts every error message.
     */
    static WavHeader read(InputStream in, String name) throws AudioException, IOException {
        byte[] riff = readFully(in, 12, name);
        if (!ascii(riff, 0).equals("RIFF") || !ascii(riff, 8).equals("WAVE")) {
            throw bad(name, "not a WAV file (no RIFF/WAVE header)");
        }
        ByteBuffer format = null;
        while (true) {
            byte[] chunk = in.readNBytes(8);
            if (chunk.length < 8) {
                throw bad(name, chunk.length == 0 ? "truncated WAV file (no data chunk)"
                        : "truncated WAV file (it ends inside its header)");
            }
            String id = ascii(chunk, 0);
            long size = ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
            if (id.equals("data")) {
                if (format == null) {
                    throw bad(name, "malformed WAV file (data before the fmt chunk)");
                }
                return parseFormat(format, size, name);
            }
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw bad(name, "malformed WAV file (fmt chunk of " + size + " bytes)");
                }
                format = ByteBuffer.wrap(readFully(in, (int) size, name)).order(ByteOrder.LITTLE_ENDIAN);
                skip(in, size & 1, name);
            } else {
                skip(in, size + (size & 1), name);
            }
        }
    }

    /** Fails unless this is 16-bit PCM, mono or stereo, at 8-192 kHz: what {@link WavSource} can play. */
    void requireSupported(String name) throws AudioException {
        if (formatTag != PCM || bitsPerSample != 16) {
            throw bad(name, "unsupported WAV format (" + encoding() + "); use 16-bit PCM");
        }
        if (channels != 1 && channels != 2) {
            throw bad(name, "unsupported WAV format (" + channels + " channels); use mono or stereo 16-bit PCM");
        }
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
            throw bad(name, "unsupported WAV format (" + sampleRate + " Hz); use 8 to 192 kHz 16-bit PCM");
        }
    }

    /** The sample encoding, for users: {@code 16-bit PCM}, {@code 32-bit float}, {@code mu-law}. */
    String encoding() {
        return switch (formatTag) {
            case PCM -> bitsPerSample + "-bit PCM";
            case FLOAT -> bitsPerSample + "-bit float";
            case 2 -> "MS ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> String.format("format tag 0x%04X", formatTag);
        };
    }

    /** The 44-byte header of a 48 kHz mono 16-bit PCM file whose data chunk holds {@code dataBytes}. */
    static ByteBuffer canonical(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(CANONICAL_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (dataBytes + CANONICAL_BYTES - 8))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) PCM).putShort((short) 1).putInt(AudioFrame.SAMPLE_RATE)
                .putInt(AudioFrame.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.flip();
    }

    private static WavHeader parseFormat(ByteBuffer format, long dataBytes, String name) throws AudioException {
        int tag = format.getShort(0) & 0xFFFF;
        int channels = format.getShort(2) & 0xFFFF;
        int rate = format.getInt(4);
        int bits = format.getShort(14) & 0xFFFF;
        if (tag == EXTENSIBLE) {
            if (format.capacity() < 40) {
                throw bad(name, "malformed WAV file (short extensible fmt chunk)");
            }
            tag = format.getShort(24) & 0xFFFF;
        }
        if (channels == 0 || rate <= 0 || bits == 0) {
            throw bad(name, "malformed WAV file (" + channels + " channels, " + rate + " Hz, " + bits + " bits)");
        }
        return new WavHeader(tag, channels, rate, bits, dataBytes);
    }

    private static byte[] readFully(InputStream in, int n, String name) throws AudioException, IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw bad(name, "truncated WAV file (it ends inside its header)");
        }
        return bytes;
    }

    private static void skip(InputStream in, long n, String name) throws AudioException, IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw bad(name, "truncated WAV file (no data chunk)");
        }
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }

    private static AudioException bad(String name, String what) {
        return new AudioException(AudioException.Reason.BAD_INPUT, name + ": " + what);
    }
}
