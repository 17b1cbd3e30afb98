package io.ngisec.protocol.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the MESSAGE-INTEGRITY attribute of a received STUN message (RFC 5389 section 15.4) under
 * ICE's short-term credential, the password (RFC 8445 section 7.2.2). ice4j does not check it on
 * responses; consent freshness needs it (RFC 7675 section 5.1: only an authenticated answer renews
 * consent), else anyone who saw or guessed a transaction id could keep a dead path alive. Reads
 * nothing outside the message; any malformation is a failed check. Stateless.
 */
final class StunIntegrity {

    private static final int HEADER = 20;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int HMAC_BYTES = 20;

    private StunIntegrity() {}

    /** Whether {@code message[0, length)} carries a MESSAGE-INTEGRITY made with {@code password}. */
    static boolean verify(byte[] message, int length, String password) {
        if (length < HEADER || length > message.length || HEADER + u16(message, 2) != length) {
            return false;
        }
        int at = HEADER;
        while (at + 4 <= length) {
            int type = u16(message, at);
            int valueLength = u16(message, at + 2);
            int next = at + 4 + ((valueLength + 3) & ~3);
            if (next > length) {
                return false;
            }
            if (type == MESSAGE_INTEGRITY) {
                return valueLength == HMAC_BYTES && matches(message, at, password);
            }
            at = next;
        }
        return false;
    }

    /** The HMAC covers the message before the attribute, its length field counting up to the attribute's end. */
    private static boolean matches(byte[] message, int attributeAt, String password) {
        byte[] covered = Arrays.copyOf(message, attributeAt);
        int lengthField = attributeAt + 4 + HMAC_BYTES - HEADER;
        covered[2] = (byte) (lengthField >> 8);
        covered[3] = (byte) lengthField;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected = mac.doFinal(covered);
            return MessageDigest.isEqual(expected,
                    Arrays.copyOfRange(message, attributeAt + 4, attributeAt + 4 + HMAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is a required JCA algorithm", e);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
