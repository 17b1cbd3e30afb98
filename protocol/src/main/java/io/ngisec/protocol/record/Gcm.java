package io.ngisec.protocol.record;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one direction of one session, with the record nonce (4 zero bytes || packet
 * number) and the clear header as associated data. Not thread-safe: one per sealer or opener.
 *
 * <p>Uses the JDK's own provider, not BouncyCastle: HotSpot compiles SunJCE's AES-GCM to AES-NI
 * and carry-less multiply (CLMUL, and VAES/VPCLMULQDQ where present) intrinsics, which is many
 * times faster than BouncyCastle's pure-Java GCM. The provider is named explicitly so that
 * registering BouncyCastle first elsewhere in the process cannot slow records down.
 *
 * <p>One Cipher is reused for every packet. JCA still makes us allocate a {@link GCMParameterSpec}
 * (which copies the nonce) per init, and SunJCE allocates small objects inside {@code init}; no way
 * around either through the public API.
 */
final class Gcm {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = Limits.TAG_BYTES * 8;

    private final Cipher cipher = newCipher();
    private final byte[] nonce = new byte[Limits.NONCE_BYTES];

    /**
     * Encrypts {@code plaintext} (position to limit, consumed) into {@code out} at its position,
     * followed by the tag; {@code out} must have room. Returns the bytes written.
     */
    int seal(SecretKeySpec key, long packetNumber, byte[] aad, ByteBuffer plaintext, ByteBuffer out) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(packetNumber));
            cipher.updateAAD(aad, 0, aad.length);
            if (plaintext.hasArray() && out.hasArray()) {
                // Straight to the arrays: skips ByteBuffer bookkeeping inside the provider.
                int length = plaintext.remaining();
                int written = cipher.doFinal(
                        plaintext.array(), plaintext.arrayOffset() + plaintext.position(), length,
                        out.array(), out.arrayOffset() + out.position());
                plaintext.position(plaintext.limit());
                out.position(out.position() + written);
                return written;
            }
            return cipher.doFinal(plaintext, out);
        } catch (GeneralSecurityException e) {
            // Key, nonce and buffer sizes are checked by the caller; this is a bug, not bad input.
            throw new IllegalStateException("AES-GCM refused a well-formed seal", e);
        }
    }

    /**
     * Decrypts and verifies {@code sealed} (ciphertext and tag, position to limit, consumed) into
     * {@code out}, which must have room for the plaintext. Returns -1, writing nothing, if the tag
     * does not verify (no unauthenticated plaintext is left in {@code out}); else the plaintext length.
     */
    int open(SecretKeySpec key, long packetNumber, byte[] aad, ByteBuffer sealed, ByteBuffer out) {
        int outStart = out.position();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(packetNumber));
            cipher.updateAAD(aad, 0, aad.length);
            if (sealed.hasArray() && out.hasArray()) {
                int written = cipher.doFinal(
                        sealed.array(), sealed.arrayOffset() + sealed.position(), sealed.remaining(),
                        out.array(), out.arrayOffset() + outStart);
                sealed.position(sealed.limit());
                out.position(outStart + written);
                return written;
            }
            return cipher.doFinal(sealed, out);
        } catch (AEADBadTagException e) {
            // SunJCE has wiped whatever plaintext it wrote (or left in-place input as it was).
            out.position(outStart);
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a well-formed open", e);
        }
    }

    private GCMParameterSpec parameters(long packetNumber) {
        // Bytes 0..3 stay zero; packet numbers never repeat within a key, so neither do nonces.
        for (int i = 0; i < 8; i++) {
            nonce[Limits.NONCE_BYTES - 1 - i] = (byte) (packetNumber >>> (8 * i));
        }
        return new GCMParameterSpec(TAG_BITS, nonce);
    }

    private static Cipher newCipher() {
        try {
            try {
                return Cipher.getInstance(TRANSFORMATION, "SunJCE");
            } catch (NoSuchProviderException e) {
                return Cipher.getInstance(TRANSFORMATION);
            }
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    }
}
