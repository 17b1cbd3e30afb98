package io.ngisec.client.call;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusBandwidth;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.util.Arrays;

/**
 * Encodes 20 ms frames of 48 kHz mono PCM into Opus packets (VOIP application, voice signal,
 * in-band FEC enabled).
 *
 * <p>FEC only helps if the packets really carry it. This Opus port (libopus 1.1 logic, without
 * libopus 1.2's {@code decide_fec}) puts the previous frame's low-bitrate copy (LBRR) in a packet
 * only when the expected loss is above 0 and the SILK layer's rate clears a threshold that
 * depends on the audio bandwidth. Measured on this port with speech-like input (every packet
 * checked): fullband needs 32 kbit/s, wideband 24 kbit/s, narrowband 16 kbit/s, at 1-10 % expected
 * loss. {@link #maxBandwidth} therefore caps the bandwidth so that FEC is emitted at every bitrate
 * from 16 to 64 kbit/s whenever the expected loss is above 0; with no expected loss it keeps
 * wideband below 32 kbit/s, where the encoder's automatic switch to fullband costs speech quality.
 *
 * <p>Not safe for concurrent use: one media thread owns it. Initial state: 24 kbit/s, 0 % expected
 * loss (FEC enabled but idle until a loss is set).
 */
public final class VoiceEncoder {

    /** Default bitrate, bit/s: good wideband speech, FEC possible once loss is expected. */
    public static final int DEFAULT_BITRATE = 24_000;

    /** Opus complexity calls use; see {@code docs/benchmarks.md}, "Opus encoder complexity". */
    public static final int DEFAULT_COMPLEXITY = 5;

    private final OpusEncoder opus;
    private final byte[] packet = new byte[VoiceFormat.MAX_PACKET_BYTES];
    private int bitrate;
    private int expectedLossPercent;

    public VoiceEncoder() {
        this(DEFAULT_COMPLEXITY);
    }

    /** An encoder at {@code complexity} (0..10: Opus's trade of CPU against quality). */
    public VoiceEncoder(int complexity) {
        if (complexity < 0 || complexity > 10) {
            throw new IllegalArgumentException("complexity " + complexity + " outside 0..10");
        }
        try {
            opus = new OpusEncoder(VoiceFormat.SAMPLE_RATE, VoiceFormat.CHANNELS,
                    OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder refused 48 kHz mono: " + e.getMessage(), e);
        }
        opus.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        opus.setUseInbandFEC(true);
        opus.setComplexity(complexity);
        configure(DEFAULT_BITRATE, 0);
    }

    /**
     * Sets the target bitrate (bit/s, {@link VoiceFormat#MIN_BITRATE}..{@link
     * VoiceFormat#MAX_BITRATE}) and the expected packet loss (0..100 %), which sizes the FEC; the
     * bandwidth cap follows from both.
     */
    public void configure(int bitrateBps, int lossPercent) {
        if (bitrateBps < VoiceFormat.MIN_BITRATE || bitrateBps > VoiceFormat.MAX_BITRATE) {
            throw new IllegalArgumentException("bitrate " + bitrateBps + " bit/s outside "
                    + VoiceFormat.MIN_BITRATE + ".." + VoiceFormat.MAX_BITRATE);
        }
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("expected loss " + lossPercent + " % outside 0..100");
        }
        bitrate = bitrateBps;
        expectedLossPercent = lossPercent;
        opus.setBitrate(bitrateBps);
        opus.setPacketLossPercent(lossPercent);
        opus.setMaxBandwidth(maxBandwidth(bitrateBps, lossPercent));
    }

    /** Applies a controller decision. */
    public void apply(BitrateDecision decision) {
        configure(decision.bitrateBps(), decision.expectedLossPercent());
    }

    /** Encodes one frame of exactly {@link VoiceFormat#FRAME_SAMPLES} samples into a new packet. */
    public byte[] encode(short[] frame) {
        if (frame.length != VoiceFormat.FRAME_SAMPLES) {
            throw new IllegalArgumentException("frame has " + frame.length + " samples, expected "
                    + VoiceFormat.FRAME_SAMPLES);
        }
        try {
            int length = opus.encode(frame, 0, VoiceFormat.FRAME_SAMPLES, packet, 0, packet.length);
            return Arrays.copyOf(packet, length);
        } catch (OpusException e) {
            // Only a misconfiguration can get here: the input size and buffer are fixed and valid.
            throw new IllegalStateException("Opus encoder failed: " + e.getMessage(), e);
        }
    }

    /** Samples of algorithmic delay the encoder adds (312 at 48 kHz, 6.5 ms). */
    public int lookaheadSamples() {
        return opus.getLookahead();
    }

    /** Current target bitrate, bit/s. */
    public int bitrate() {
        return bitrate;
    }

    /** Current expected loss, %. */
    public int expectedLossPercent() {
        return expectedLossPercent;
    }

    /** The bandwidth cap for a bitrate and expected loss; see the class comment for the measurements. */
    static OpusBandwidth maxBandwidth(int bitrateBps, int lossPercent) {
        if (bitrateBps >= 32_000) {
            return OpusBandwidth.OPUS_BANDWIDTH_FULLBAND;
        }
        if (lossPercent > 0 && bitrateBps < 24_000) {
            return OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND;
        }
        return OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
    }
}
