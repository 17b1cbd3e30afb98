package io.ngisec.server.service;

import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.IdentitySpec;
import io.ngisec.server.api.ApiException;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Decodes and checks the public keys a device sends: its Ed25519 signing key (base64 of the
 * SubjectPublicKeyInfo DER) and its Noise static key (base64 of the 32 raw X25519 bytes).
 */
final class DeviceKeys {

    /**
     * Any clamped X25519 scalar is a multiple of the cofactor 8, so multiplying a point of small
     * order by it gives the all-zero output; this fixed scalar is only that probe, not a secret.
     */
    private static final byte[] PROBE_SCALAR = new byte[X25519.SCALAR_SIZE];

    static {
        PROBE_SCALAR[0] = 9;
    }

    private DeviceKeys() {
    }

    /** The Ed25519 public key in {@code base64Spki}, or invalid_request. */
    static PublicKey signingKey(String base64Spki) throws ApiException {
        byte[] der = base64(base64Spki, "signing key");
        try {
            PublicKey key = Ed25519Keys.publicKeyFromSpki(der);
            Ed25519Keys.raw(key); // refuses an SPKI the JDK accepts but certificates could not carry
            return key;
        } catch (IllegalArgumentException e) {
            throw ServiceErrors.invalidRequest("signing key must be an Ed25519 public key (base64 SubjectPublicKeyInfo DER)");
        }
    }

    /**
     * The 32-byte X25519 key in {@code base64Raw}, or invalid_request for any other length and for
     * keys of small order (all-zero among them), with which a Noise DH yields a predictable secret.
     */
    static byte[] noiseKey(String base64Raw) throws ApiException {
        byte[] key = base64(base64Raw, "noise key");
        if (key.length != IdentitySpec.NOISE_STATIC_KEY_LENGTH) {
            throw ServiceErrors.invalidRequest("noise key must be " + IdentitySpec.NOISE_STATIC_KEY_LENGTH
                    + " raw X25519 bytes, base64");
        }
        if (smallOrder(key)) {
            throw ServiceErrors.invalidRequest("noise key is a point of small order, not a usable public key");
        }
        return key;
    }

    /** Whether {@code u} (any of its encodings, canonical or not) is a point of order dividing 8. */
    static boolean smallOrder(byte[] u) {
        byte[] out = new byte[X25519.POINT_SIZE];
        // calculateAgreement reports false exactly when the result is all zeros.
        return !X25519.calculateAgreement(PROBE_SCALAR, 0, u, 0, out, 0);
    }

    private static byte[] base64(String text, String what) throws ApiException {
        if (text == null || text.isBlank()) {
            throw ServiceErrors.invalidRequest(what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw ServiceErrors.invalidRequest(what + " is not valid base64");
        }
    }
}
