package io.ngisec.client.call;

import io.ngisec.client.audio.InputLevel;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The sending half of a call's media, without threads or clocks: turns each 20 ms of captured
 * audio into the next {@link MediaFrame} (sequence and media timestamp advancing by one frame,
 * silence flagged, FEC flagged while the encoder carries it) and applies the bitrate decisions
 * made from the far side's reports. Not thread safe: the talker thread owns it.
 */
final class VoiceTalker {

    /** Below this level (dBFS) a frame is flagged silent, so the far buffer may drop it to shrink its delay. */
    static final double SILENCE_DBFS = -60;

    private final VoiceEncoder encoder = new VoiceEncoder();
    private final boolean fecAllowed;
    private int sequence;
    private long timestamp;
    private double lastLevel = InputLevel.FLOOR_DBFS;

    /** Starts at a random sequence number and timestamp (RFC 3550 practice: nothing to guess from them). */
    VoiceTalker(boolean fecAllowed, RandomGenerator random) {
        this.fecAllowed = fecAllowed;
        this.sequence = random.nextInt(SequenceNumbers.MODULUS);
        this.timestamp = random.nextLong(MediaTimestamps.MODULUS);
        encoder.configure(VoiceEncoder.DEFAULT_BITRATE, 0);
    }

    /** The frame for {@code pcm} (20 ms); {@code muted} sends silence instead. {@code pcm} is left as it was. */
    MediaFrame next(short[] pcm, boolean muted) {
        lastLevel = InputLevel.of(pcm, pcm.length).rmsDbfs();
        short[] sent = muted ? new short[pcm.length] : pcm;
        boolean silent = muted || lastLevel < SILENCE_DBFS;
        MediaFrame frame = new MediaFrame(sequence, timestamp, silent, fec(), encoder.encode(sent));
        sequence = (sequence + 1) % SequenceNumbers.MODULUS;
        timestamp = (timestamp + VoiceFormat.FRAME_SAMPLES) % MediaTimestamps.MODULUS;
        return frame;
    }

    /**
     * Moves sequence and media timestamp on by {@code frames} frames that were never captured (the
     * talker fell far behind and its clock skipped ahead), as if they had been lost on the way:
     * the far buffer conceals the gap and keeps its timing. Without it, every frame after the
     * stall would reach the far side that much later than its media time says, and its buffer
     * would play them all as late (concealment) until its baseline caught up, at 1 % a second.
     */
    void skip(int frames) {
        sequence = (int) ((sequence + (long) frames) % SequenceNumbers.MODULUS);
        timestamp = (timestamp + (long) frames * VoiceFormat.FRAME_SAMPLES) % MediaTimestamps.MODULUS;
    }

    /** Applies a decision of the bitrate controller; FEC stays off when not allowed. */
    void apply(BitrateDecision decision) {
        encoder.configure(decision.bitrateBps(), fecAllowed ? decision.expectedLossPercent() : 0);
    }

    int bitrate() {
        return encoder.bitrate();
    }

    /** Whether the frames now carry in-band FEC of the frame before them. */
    boolean fec() {
        return encoder.expectedLossPercent() > 0;
    }

    /** The level of the last frame captured (before muting), dBFS. */
    double inputLevel() {
        return lastLevel;
    }

    /** The encoder's algorithmic delay in milliseconds. */
    double lookaheadMillis() {
        return encoder.lookaheadSamples() * 1000.0 / VoiceFormat.SAMPLE_RATE;
    }

    /** Zeroes {@code pcm}: what a source that has ended keeps sending. */
    static void silence(short[] pcm) {
        Arrays.fill(pcm, (short) 0);
    }
}
