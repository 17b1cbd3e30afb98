package io.ngisec.client.netcheck;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 section 5): type, 96-bit transaction id and attributes in order.
 * {@link #parse} checks the framing only (header, lengths, attribute bounds); what an attribute
 * means is read by {@link StunAddress}, {@link StunErrorCode} and {@link StunIntegrity}.
 * Immutable.
 */
record StunMessage(int type, byte[] transactionId, List<StunAttribute> attributes) {

    private static final SecureRandom RANDOM = new SecureRandom();

    StunMessage {
        if (type < 0 || type > 0x3FFF) {
            throw new IllegalArgumentException("message type " + type);
        }
        if (transactionId.length != Stun.TRANSACTION_ID_BYTES) {
            throw new IllegalArgumentException("transaction id of " + transactionId.length + " bytes");
        }
        transactionId = transactionId.clone();
        attributes = List.copyOf(attributes);
    }

    /** A request of {@code type} with a fresh random transaction id. */
    static StunMessage request(int type, List<StunAttribute> attributes) {
        byte[] id = new byte[Stun.TRANSACTION_ID_BYTES];
        RANDOM.nextBytes(id);
        return new StunMessage(type, id, attributes);
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    /** The transaction id as hex, a key for matching responses to requests. */
    String transactionKey() {
        return HexFormat.of().formatHex(transactionId);
    }

    /**
     * The value of the first attribute of {@code type}. Attributes after MESSAGE-INTEGRITY other
     * than FINGERPRINT are not covered by it and are ignored (RFC 8489 section 14.5).
     */
    Optional<byte[]> attribute(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a.value());
            }
            if (a.type() == Stun.MESSAGE_INTEGRITY && type != Stun.FINGERPRINT) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Where the first attribute of {@code type} starts in the encoding, or -1. */
    int offsetOf(int type) {
        int at = Stun.HEADER_BYTES;
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return at;
            }
            at += a.encodedLength();
        }
        return -1;
    }

    /** The message on the wire, attributes as they are (padding zeroed). */
    byte[] encode() {
        int bodyLength = attributes.stream().mapToInt(StunAttribute::encodedLength).sum();
        ByteBuffer out = ByteBuffer.allocate(Stun.HEADER_BYTES + bodyLength);
        out.putShort((short) type).putShort((short) bodyLength).putInt(Stun.MAGIC_COOKIE).put(transactionId);
        for (StunAttribute a : attributes) {
            byte[] value = a.value();
            out.putShort((short) a.type()).putShort((short) value.length).put(value);
            out.position(out.position() + StunAttribute.padded(value.length) - value.length);
        }
        return out.array();
    }

    /** This message with MESSAGE-INTEGRITY under {@code key} and FINGERPRINT appended, on the wire. */
    byte[] encodeAuthenticated(byte[] key) {
        return StunIntegrity.withFingerprint(StunIntegrity.withIntegrity(this, key)).encode();
    }

    /** The message in {@code data[0, length)}; a StunFormatException if it is not framed as one. */
    static StunMessage parse(byte[] data, int length) throws StunFormatException {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("length " + length + " of " + data.length + " bytes");
        }
        if (length < Stun.HEADER_BYTES) {
            throw new StunFormatException(StunFormatException.Reason.TRUNCATED, "shorter than a STUN header");
        }
        int type = u16(data, 0);
        if ((type & 0xC000) != 0 || ByteBuffer.wrap(data, 4, 4).getInt() != Stun.MAGIC_COOKIE) {
            throw new StunFormatException(StunFormatException.Reason.NOT_STUN, "no STUN header (RFC 5389 magic cookie)");
        }
        int bodyLength = u16(data, 2);
        if (bodyLength % 4 != 0 || Stun.HEADER_BYTES + bodyLength != length) {
            throw new StunFormatException(StunFormatException.Reason.BAD_LENGTH,
                    "message length " + bodyLength + " does not fit a datagram of " + length + " bytes");
        }
        List<StunAttribute> attributes = new ArrayList<>();
        int at = Stun.HEADER_BYTES;
        // The body length is a multiple of four, so a whole attribute header always fits.
        while (at < length) {
            int valueLength = u16(data, at + 2);
            int next = at + 4 + StunAttribute.padded(valueLength);
            if (next > length) {
                throw new StunFormatException(StunFormatException.Reason.TRUNCATED, "attribute value cut short");
            }
            attributes.add(new StunAttribute(u16(data, at), Arrays.copyOfRange(data, at + 4, at + 4 + valueLength)));
            at = next;
        }
        return new StunMessage(type, Arrays.copyOfRange(data, 8, Stun.HEADER_BYTES), attributes);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage m && m.type == type && Arrays.equals(m.transactionId, transactionId)
                && m.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return (31 * type + Arrays.hashCode(transactionId)) * 31 + attributes.hashCode();
    }

    @Override
    public String toString() {
        return String.format("StunMessage[0x%04x, %s, %s]", type, transactionKey(), attributes);
    }
}
