package io.ngisec.protocol.noise;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AEAD ciphers of section 12.3-12.4: ENCRYPT/DECRYPT with a 32-byte key, a 64-bit counter
 * nonce and a 16-byte tag. Stateless and thread safe; nonce bookkeeping is {@link CipherState}'s job.
 */
public enum CipherFunction {
    /** AES-256-GCM; the nonce is 32 zero bits then the counter big-endian. */
    AESGCM("AESGCM"),
    /** ChaCha20-Poly1305 (RFC 8439); the nonce is 32 zero bits then the counter little-endian. */
    CHACHAPOLY("ChaChaPoly");

    private final String noiseName;

    CipherFunction(String noiseName) {
        this.noiseName = noiseName;
    }

    /** The name used in protocol names, for example {@code ChaChaPoly}. */
    public String noiseName() {
        return noiseName;
    }

    /** The cipher a protocol name calls {@code name}, if implemented here. */
    public static Optional<CipherFunction> fromNoiseName(String name) {
        return Arrays.stream(values()).filter(c -> c.noiseName.equals(name)).findFirst();
    }

    /** ENCRYPT(k, n, ad, plaintext): the ciphertext followed by the 16-byte tag. */
    public byte[] encrypt(byte[] key, long nonce, byte[] ad, byte[] plaintext) {
        AEADCipher aead = init(true, key, nonce, ad);
        byte[] out = new byte[plaintext.length + NoiseConstants.TAG_LENGTH];
        int n = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            // Only decryption can fail authentication.
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** DECRYPT(k, n, ad, ciphertext): the plaintext, or DECRYPT_FAILED (MALFORMED_MESSAGE when shorter than a tag). */
    public byte[] decrypt(byte[] key, long nonce, byte[] ad, byte[] ciphertext) throws NoiseException {
        if (ciphertext.length < NoiseConstants.TAG_LENGTH) {
            throw new NoiseException(NoiseException.Reason.MALFORMED_MESSAGE,
                    "ciphertext of " + ciphertext.length + " bytes is shorter than the authentication tag");
        }
        AEADCipher aead = init(false, key, nonce, ad);
        byte[] out = new byte[ciphertext.length - NoiseConstants.TAG_LENGTH];
        int n = aead.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new NoiseException(NoiseException.Reason.DECRYPT_FAILED, "authentication tag does not match", e);
        }
        return out;
    }

    private AEADCipher init(boolean encrypt, byte[] key, long nonce, byte[] ad) {
        AEADCipher aead = switch (this) {
            case AESGCM -> GCMBlockCipher.newInstance(AESEngine.newInstance());
            case CHACHAPOLY -> new ChaCha20Poly1305();
        };
        aead.init(encrypt, new AEADParameters(new KeyParameter(key), NoiseConstants.TAG_LENGTH * 8, nonce(nonce), ad));
        return aead;
    }

    private byte[] nonce(long counter) {
        byte[] nonce = new byte[NoiseConstants.NONCE_LENGTH];
        for (int i = 0; i < 8; i++) {
            int shift = this == AESGCM ? 56 - 8 * i : 8 * i;
            nonce[4 + i] = (byte) (counter >>> shift);
        }
        return nonce;
    }
}
