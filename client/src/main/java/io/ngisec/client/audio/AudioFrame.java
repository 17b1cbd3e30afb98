package io.ngisec.client.audio;

import io.ngisec.client.call.VoiceFormat;
import javax.sound.sampled.AudioFormat;

/** The unit every source and sink moves: one 20 ms frame of 48 kHz mono 16-bit PCM ({@link VoiceFormat}). */
public final class AudioFrame {

    /** Samples per second. */
    public static final int SAMPLE_RATE = VoiceFormat.SAMPLE_RATE;
    /** Samples in one frame. */
    public static final int SAMPLES = VoiceFormat.FRAME_SAMPLES;
    /** Frame duration in milliseconds. */
    public static final int MILLIS = VoiceFormat.FRAME_MILLIS;
    /** Bytes of one frame as little-endian 16-bit PCM. */
    public static final int BYTES = SAMPLES * 2;
    /** The format of device lines: signed, little-endian, as WAV files store it too. */
    public static final AudioFormat LINE_FORMAT = new AudioFormat(SAMPLE_RATE, 16, VoiceFormat.CHANNELS, true, false);

    private AudioFrame() {
    }

    /** A new zeroed frame. */
    public static short[] create() {
        return new short[SAMPLES];
    }

    static void requireFrame(short[] frame) {
        if (frame.length != SAMPLES) {
            throw new IllegalArgumentException("an audio frame holds " + SAMPLES + " samples, not " + frame.length);
        }
    }

    static void toBytes(short[] frame, byte[] bytes) {
        for (int i = 0; i < SAMPLES; i++) {
            bytes[2 * i] = (byte) frame[i];
            bytes[2 * i + 1] = (byte) (frame[i] >> 8);
        }
    }

    static void fromBytes(byte[] bytes, short[] frame) {
        for (int i = 0; i < SAMPLES; i++) {
            frame[i] = (short) ((bytes[2 * i] & 0xff) | bytes[2 * i + 1] << 8);
        }
    }
}
