package io.ngisec.client.call;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One voice datagram on the session's real-time channel: a 7-byte header and one Opus packet of one
 * 20 ms frame. Layout, big-endian:
 * <pre>
 *   byte 0     version (high 4 bits, {@value #VERSION}) | flags (low 4 bits: bit 0 = silence, bit 1 = the
 *              packet carries in-band FEC of the frame before it, bits 2-3 reserved, zero)
 *   bytes 1-2  sequence number, +1 per frame, wrapping at 2^16
 *   bytes 3-6  media timestamp in 48 kHz samples of the frame's first sample, +960 per frame, wrapping at 2^32
 *   bytes 7-   the Opus packet, 1 to 1275 bytes
 * </pre>
 * The sender sends a frame every 20 ms, silence included (flagged), so a missing sequence number is
 * a lost frame. The payload array is copied in and out: a frame is an immutable value.
 */
public record MediaFrame(int sequence, long timestamp, boolean silence, boolean fec, byte[] payload) {

    /** The header version this code writes and accepts. */
    public static final int VERSION = 1;
    /** Header length in bytes. */
    public static final int HEADER_BYTES = 7;
    /** Largest datagram: header and the largest Opus packet. */
    public static final int MAX_BYTES = HEADER_BYTES + VoiceFormat.MAX_PACKET_BYTES;

    private static final int FLAG_SILENCE = 0x01;
    private static final int FLAG_FEC = 0x02;
    private static final int FLAGS_RESERVED = 0x0C;

    /** Checks ranges: sequence 0..65535, timestamp 0..2^32-1, payload 1..1275 bytes. */
    public MediaFrame {
        if (sequence < 0 || sequence >= SequenceNumbers.MODULUS) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        if (timestamp < 0 || timestamp >= MediaTimestamps.MODULUS) {
            throw new IllegalArgumentException("timestamp out of range: " + timestamp);
        }
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0 || payload.length > VoiceFormat.MAX_PACKET_BYTES) {
            throw new IllegalArgumentException("Opus packet of " + payload.length + " bytes");
        }
        payload = payload.clone();
    }

    /** A frame without FEC. */
    public MediaFrame(int sequence, long timestamp, boolean silence, byte[] payload) {
        this(sequence, timestamp, silence, false, payload);
    }

    /** A copy of the Opus packet. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Length of the Opus packet in bytes, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    /** The datagram: header and Opus packet. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_BYTES + payload.length];
        out[0] = (byte) (VERSION << 4 | (silence ? FLAG_SILENCE : 0) | (fec ? FLAG_FEC : 0));
        out[1] = (byte) (sequence >>> 8);
        out[2] = (byte) sequence;
        out[3] = (byte) (timestamp >>> 24);
        out[4] = (byte) (timestamp >>> 16);
        out[5] = (byte) (timestamp >>> 8);
        out[6] = (byte) timestamp;
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    /** The frame in {@code datagram}, or {@link MalformedMediaException} when it is not one; nothing else escapes. */
    public static MediaFrame parse(byte[] datagram) throws MalformedMediaException {
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.length <= HEADER_BYTES) {
            throw new MalformedMediaException(MalformedMediaException.Reason.TRUNCATED,
                    "media datagram of " + datagram.length + " bytes is shorter than a header and an Opus packet");
        }
        if (datagram.length > MAX_BYTES) {
            throw new MalformedMediaException(MalformedMediaException.Reason.OVERSIZED,
                    "media datagram of " + datagram.length + " bytes exceeds " + MAX_BYTES);
        }
        int first = datagram[0] & 0xFF;
        if (first >>> 4 != VERSION) {
            throw new MalformedMediaException(MalformedMediaException.Reason.UNKNOWN_VERSION,
                    "media frame version " + (first >>> 4) + ", expected " + VERSION);
        }
        if ((first & FLAGS_RESERVED) != 0) {
            throw new MalformedMediaException(MalformedMediaException.Reason.RESERVED_FLAGS,
                    "media frame with reserved flags 0x" + Integer.toHexString(first & FLAGS_RESERVED));
        }
        int sequence = (datagram[1] & 0xFF) << 8 | datagram[2] & 0xFF;
        long timestamp = (long) (datagram[3] & 0xFF) << 24 | (datagram[4] & 0xFF) << 16
                | (datagram[5] & 0xFF) << 8 | datagram[6] & 0xFF;
        return new MediaFrame(sequence, timestamp, (first & FLAG_SILENCE) != 0, (first & FLAG_FEC) != 0,
                Arrays.copyOfRange(datagram, HEADER_BYTES, datagram.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaFrame f && f.sequence == sequence && f.timestamp == timestamp
                && f.silence == silence && f.fec == fec && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, timestamp, silence, fec, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(payload, 0, Math.min(8, payload.length));
        return "MediaFrame[seq=" + sequence + ", ts=" + timestamp + (silence ? ", silence" : "") + (fec ? ", fec" : "") + ", "
                + payload.length + " bytes " + head + (payload.length > 8 ? "...]" : "]");
    }
}
