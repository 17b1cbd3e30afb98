package io.ngisec.protocol.noise;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A CipherState (section 5.1): a key, possibly empty, and a 64-bit nonce counter used for
 * handshake payloads and transport messages. Without a key, encryption and decryption return
 * their input. Nonces are unsigned; 2^64-1 is reserved, so once the counter reaches it every
 * call fails with NONCE_EXHAUSTED. Messages longer than 65535 bytes are refused. A failed
 * decryption leaves the nonce unchanged. Not thread safe.
 */
public final class CipherState implements Destroyable {

    private final CipherFunction cipher;
    private final byte[] key;
    private long nonce;
    private boolean destroyed;

    /** A cipher state with a copy of the 32-byte {@code key} and nonce 0; a null key makes an empty one. */
    public CipherState(CipherFunction cipher, byte[] key) throws NoiseException {
        this.cipher = cipher;
        if (key != null && key.length != NoiseConstants.KEY_LENGTH) {
            throw new NoiseException(NoiseException.Reason.INVALID_KEY,
                    "cipher key must be " + NoiseConstants.KEY_LENGTH + " bytes, not " + key.length);
        }
        this.key = key == null ? null : key.clone();
    }

    /** A cipher state with no key: encryption is the identity until a key is mixed in. */
    static CipherState empty(CipherFunction cipher) {
        try {
            return new CipherState(cipher, null);
        } catch (NoiseException e) {
            throw new AssertionError(e);
        }
    }

    /** The cipher function this state runs. */
    public CipherFunction cipher() {
        return cipher;
    }

    /** Whether a key is set. */
    public boolean hasKey() {
        return key != null;
    }

    /** The next nonce to use, as an unsigned 64-bit number. */
    public long nonce() {
        return nonce;
    }

    /** SetNonce: for transports that carry explicit nonces and may reorder messages. */
    public void setNonce(long nonce) {
        this.nonce = nonce;
    }

    /** EncryptWithAd: seals {@code plaintext} bound to {@code ad} and advances the nonce. */
    public byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseException {
        checkNotDestroyed();
        int outLength = plaintext.length + (hasKey() ? NoiseConstants.TAG_LENGTH : 0);
        if (outLength > NoiseConstants.MAX_MESSAGE_LENGTH) {
            throw new NoiseException(NoiseException.Reason.MESSAGE_TOO_LARGE,
                    "ciphertext of " + outLength + " bytes exceeds " + NoiseConstants.MAX_MESSAGE_LENGTH);
        }
        if (!hasKey()) {
            return plaintext.clone();
        }
        checkNonce();
        byte[] out = cipher.encrypt(key, nonce, ad, plaintext);
        nonce++;
        return out;
    }

    /** DecryptWithAd: opens {@code ciphertext} bound to {@code ad}; the nonce advances only on success. */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseException {
        checkNotDestroyed();
        if (ciphertext.length > NoiseConstants.MAX_MESSAGE_LENGTH) {
            throw new NoiseException(NoiseException.Reason.MESSAGE_TOO_LARGE,
                    "ciphertext of " + ciphertext.length + " bytes exceeds " + NoiseConstants.MAX_MESSAGE_LENGTH);
        }
        if (!hasKey()) {
            return ciphertext.clone();
        }
        checkNonce();
        byte[] out = cipher.decrypt(key, nonce, ad, ciphertext);
        nonce++;
        return out;
    }

    /**
     * Rekey (section 11.3): replaces the key with the first 32 bytes of ENCRYPT(k, 2^64-1, empty,
     * 32 zero bytes); the nonce is unchanged. WRONG_STATE without a key.
     */
    public void rekey() throws NoiseException {
        checkNotDestroyed();
        if (!hasKey()) {
            throw new NoiseException(NoiseException.Reason.WRONG_STATE, "cannot rekey an empty cipher state");
        }
        byte[] sealed = cipher.encrypt(key, NoiseConstants.MAX_NONCE, new byte[0], new byte[NoiseConstants.KEY_LENGTH]);
        System.arraycopy(sealed, 0, key, 0, NoiseConstants.KEY_LENGTH);
        Arrays.fill(sealed, (byte) 0);
    }

    /** A copy with the same key and nonce, for rolling back a failed handshake step. */
    CipherState copy() {
        CipherState result = key == null ? empty(cipher) : withKey(key);
        result.nonce = nonce;
        return result;
    }

    private CipherState withKey(byte[] k) {
        try {
            return new CipherState(cipher, k);
        } catch (NoiseException e) {
            throw new AssertionError(e);
        }
    }

    /** Zeroes the key; every later use throws IllegalStateException. */
    @Override
    public void destroy() {
        destroyed = true;
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkNonce() throws NoiseException {
        if (nonce == NoiseConstants.MAX_NONCE) {
            throw new NoiseException(NoiseException.Reason.NONCE_EXHAUSTED, "nonce 2^64-1 is reserved; rekey or start a new session");
        }
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("cipher state was destroyed");
        }
    }
}
