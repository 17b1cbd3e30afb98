package io.ngisec.protocol.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * A TURN ChannelData message (RFC 8656 section 12.4): a 2-byte channel number, a 2-byte length
 * and that many bytes of application data, 4 bytes of overhead where a Send or Data indication
 * costs 36. Over UDP the data may be followed by up to 3 padding bytes, which are ignored.
 * Immutable; {@code data} is not copied on the way out.
 */
record TurnChannelData(int channel, byte[] data) {

    static final int HEADER_BYTES = 4;
    /** RFC 8656 section 12: channels 0x4000 through 0x4FFF; RFC 5766 allowed up to 0x7FFF, still seen. */
    static final int MIN_CHANNEL = 0x4000;
    static final int MAX_CHANNEL = 0x7FFF;

    TurnChannelData {
        if (channel < MIN_CHANNEL || channel > MAX_CHANNEL || data.length > 0xFFFF) {
            throw new IllegalArgumentException("channel " + channel + ", " + data.length + " bytes");
        }
    }

    /** Whether a datagram starts like a ChannelData message (first two bits 01), as opposed to STUN (00). */
    static boolean looksLike(byte[] buffer, int offset, int length) {
        return length >= HEADER_BYTES && (buffer[offset] & 0xC0) == 0x40;
    }

    /** The message for {@code length} bytes of {@code buffer} from {@code offset} on {@code channel}, unpadded. */
    static byte[] encode(int channel, byte[] buffer, int offset, int length) {
        if (channel < MIN_CHANNEL || channel > MAX_CHANNEL || length > 0xFFFF) {
            throw new IllegalArgumentException("channel " + channel + ", " + length + " bytes");
        }
        byte[] message = new byte[HEADER_BYTES + length];
        message[0] = (byte) (channel >>> 8);
        message[1] = (byte) channel;
        message[2] = (byte) (length >>> 8);
        message[3] = (byte) length;
        System.arraycopy(buffer, offset, message, HEADER_BYTES, length);
        return message;
    }

    /**
     * The message in a received datagram, or empty when it is not one: too short, a channel number
     * outside the range, a length beyond the datagram, or more than 3 bytes after the data.
     */
    static Optional<TurnChannelData> decode(byte[] buffer, int offset, int length) {
        if (!looksLike(buffer, offset, length)) {
            return Optional.empty();
        }
        int channel = (buffer[offset] & 0xFF) << 8 | buffer[offset + 1] & 0xFF;
        int dataLength = (buffer[offset + 2] & 0xFF) << 8 | buffer[offset + 3] & 0xFF;
        int padding = length - HEADER_BYTES - dataLength;
        if (channel > MAX_CHANNEL || padding < 0 || padding > 3) {
            return Optional.empty();
        }
        int from = offset + HEADER_BYTES;
        return Optional.of(new TurnChannelData(channel, Arrays.copyOfRange(buffer, from, from + dataLength)));
    }
}
