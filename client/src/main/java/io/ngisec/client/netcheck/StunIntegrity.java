package io.ngisec.client.netcheck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 section 14.5) and FINGERPRINT (section 14.7): adding them
 * to a message and checking them on received bytes, and the long-term credential's key (section
 * 9.2.2). Each covers the message before it, with the header's length field counting up to the
 * attribute's own end. Stateless.
 */
final class StunIntegrity {

    private StunIntegrity() {
    }

    /**
     * The long-term credential key MD5(username ":" realm ":" password). The password is taken as
     * it is: RFC 8489's OpaqueString preparation changes nothing for the ASCII credentials coturn's
     * REST scheme produces.
     */
    static byte[] longTermKey(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is a required JCA algorithm", e);
        }
    }

    /** {@code message} with a MESSAGE-INTEGRITY under {@code key} appended. */
    static StunMessage withIntegrity(StunMessage message, byte[] key) {
        StunMessage placeholder = append(message, new StunAttribute(Stun.MESSAGE_INTEGRITY, new byte[Stun.HMAC_SHA1_BYTES]));
        byte[] wire = placeholder.encode();
        byte[] hmac = hmac(key, Arrays.copyOf(wire, wire.length - 4 - Stun.HMAC_SHA1_BYTES));
        return append(message, new StunAttribute(Stun.MESSAGE_INTEGRITY, hmac));
    }

    /** {@code message} with a FINGERPRINT appended. */
    static StunMessage withFingerprint(StunMessage message) {
        byte[] wire = append(message, new StunAttribute(Stun.FINGERPRINT, new byte[4])).encode();
        int crc = crc(wire, wire.length - 8);
        return append(message, new StunAttribute(Stun.FINGERPRINT, ByteBuffer.allocate(4).putInt(crc).array()));
    }

    /** Whether {@code wire}, which parsed as {@code message}, carries a MESSAGE-INTEGRITY made with {@code key}. */
    static boolean verify(StunMessage message, byte[] wire, byte[] key) {
        int at = message.offsetOf(Stun.MESSAGE_INTEGRITY);
        if (at < 0 || at + 4 + Stun.HMAC_SHA1_BYTES > wire.length || StunMessage.u16(wire, at + 2) != Stun.HMAC_SHA1_BYTES) {
            return false;
        }
        byte[] covered = withLengthField(wire, at, at + 4 + Stun.HMAC_SHA1_BYTES);
        return MessageDigest.isEqual(hmac(key, covered), Arrays.copyOfRange(wire, at + 4, at + 4 + Stun.HMAC_SHA1_BYTES));
    }

    /** Whether {@code wire}, which parsed as {@code message}, ends in a correct FINGERPRINT. */
    static boolean verifyFingerprint(StunMessage message, byte[] wire) {
        int at = message.offsetOf(Stun.FINGERPRINT);
        if (at < 0 || at + 8 != wire.length || StunMessage.u16(wire, at + 2) != 4) {
            return false;
        }
        return crc(wire, at) == ByteBuffer.wrap(wire, at + 4, 4).getInt();
    }

    private static int crc(byte[] wire, int length) {
        CRC32 crc = new CRC32();
        crc.update(wire, 0, length);
        return (int) crc.getValue() ^ Stun.FINGERPRINT_XOR;
    }

    /** {@code wire[0, end)} with the length field set as if the message ended at {@code attributeEnd}. */
    private static byte[] withLengthField(byte[] wire, int end, int attributeEnd) {
        byte[] covered = Arrays.copyOf(wire, end);
        int length = attributeEnd - Stun.HEADER_BYTES;
        covered[2] = (byte) (length >> 8);
        covered[3] = (byte) length;
        return covered;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is a required JCA algorithm", e);
        }
    }

    private static StunMessage append(StunMessage message, StunAttribute attribute) {
        List<StunAttribute> all = new ArrayList<>(message.attributes());
        all.add(attribute);
        return new StunMessage(message.type(), message.transactionId(), all);
    }
}
