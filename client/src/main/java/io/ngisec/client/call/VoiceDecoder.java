package io.ngisec.client.call;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Decodes Opus packets into 20 ms frames of 48 kHz mono PCM, conceals lost frames (packet loss
 * concealment), and recovers a lost frame from the in-band FEC of the packet that follows it.
 *
 * <p>For a lost frame n the caller, holding packet n+1, calls {@link #decodeFec(byte[])} with
 * packet n+1 (which yields frame n, or a concealment if n+1 carries no FEC) and then {@link
 * #decode(byte[])} with packet n+1. Without packet n+1, it calls {@link #conceal()}.
 *
 * <p>Malformed input never escapes as anything but {@link VoicePacketException}: the Opus port
 * signals some corrupt packets with runtime exceptions from deep inside, which are translated
 * here. Not safe for concurrent use: one media thread owns it.
 */
public final class VoiceDecoder {

    private final OpusDecoder opus;

    public VoiceDecoder() {
        try {
            opus = new OpusDecoder(VoiceFormat.SAMPLE_RATE, VoiceFormat.CHANNELS);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus decoder refused 48 kHz mono: " + e.getMessage(), e);
        }
    }

    /** Decodes one packet holding one 20 ms frame. */
    public short[] decode(byte[] packet) throws VoicePacketException {
        return run(checked(packet), false);
    }

    /** Produces a stand-in for a frame whose packet never arrived (Opus PLC). */
    public short[] conceal() {
        try {
            return run(null, false);
        } catch (VoicePacketException e) {
            throw new IllegalStateException("Opus concealment failed: " + e.getMessage(), e);
        }
    }

    /**
     * Recovers the frame before {@code nextPacket} from its FEC data; if the packet carries none,
     * the Opus decoder conceals instead. The caller then decodes {@code nextPacket} normally.
     */
    public short[] decodeFec(byte[] nextPacket) throws VoicePacketException {
        return run(checked(nextPacket), true);
    }

    private static byte[] checked(byte[] packet) throws VoicePacketException {
        if (packet == null || packet.length == 0) {
            throw new VoicePacketException("empty voice packet");
        }
        if (packet.length > VoiceFormat.MAX_PACKET_BYTES) {
            throw new VoicePacketException("voice packet of " + packet.length + " bytes exceeds "
                    + VoiceFormat.MAX_PACKET_BYTES);
        }
        return packet;
    }

    private short[] run(byte[] packet, boolean fec) throws VoicePacketException {
        short[] frame = new short[VoiceFormat.FRAME_SAMPLES];
        int samples;
        try {
            samples = opus.decode(packet, 0, packet == null ? 0 : packet.length, frame, 0,
                    VoiceFormat.FRAME_SAMPLES, fec);
        } catch (OpusException e) {
            throw new VoicePacketException("not a valid Opus packet: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Corrupt packets can drive the port's parser off its arrays; that is bad input, not a bug.
            throw new VoicePacketException("corrupt Opus packet (" + e.getClass().getSimpleName() + ")", e);
        }
        if (samples != VoiceFormat.FRAME_SAMPLES) {
            throw new VoicePacketException("voice packet holds " + samples + " samples, expected "
                    + VoiceFormat.FRAME_SAMPLES);
        }
        return frame;
    }
}
