package io.ngisec.protocol.record;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Derivations of the record layer's key schedule, per direction and key phase n:
 * AEAD key_n = HKDF-Expand-SHA256(secret_n, "ngisec key", 32) and
 * secret_{n+1} = HKDF-Expand-SHA256(secret_n, "ngisec ku", 32). secret_0 is the traffic secret
 * the handshake's Split produced for that direction. Stateless and thread-safe; runs once per
 * rekey, never per packet.
 */
public final class KeySchedule {

    private static final byte[] KEY_LABEL = "ngisec key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_UPDATE_LABEL = "ngisec ku".getBytes(StandardCharsets.US_ASCII);

    private KeySchedule() {
    }

    /** The AES-256-GCM key of the phase whose secret is {@code secret}. The caller zeroes it after use. */
    public static byte[] aeadKey(byte[] secret) {
        return expand(secret, KEY_LABEL);
    }

    /** The secret of the phase after the one whose secret is {@code secret}. */
    public static byte[] nextSecret(byte[] secret) {
        return expand(secret, KEY_UPDATE_LABEL);
    }

    private static byte[] expand(byte[] secret, byte[] label) {
        if (secret.length != Limits.SECRET_BYTES) {
            throw new IllegalArgumentException("traffic secrets are 32 bytes, got " + secret.length);
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(secret, label));
        byte[] out = new byte[Limits.SECRET_BYTES];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }
}
