package io.ngisec.protocol.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The SymmetricState of section 5.2: chaining key, handshake hash and the handshake's cipher state. Not thread safe. */
final class SymmetricState {

    private final HashFunction hash;
    private final CipherFunction cipherFunction;
    private CipherState cipher;
    private byte[] chainingKey;
    private byte[] handshakeHash;

    private SymmetricState(HashFunction hash, CipherFunction cipherFunction, CipherState cipher,
            byte[] chainingKey, byte[] handshakeHash) {
        this.hash = hash;
        this.cipherFunction = cipherFunction;
        this.cipher = cipher;
        this.chainingKey = chainingKey;
        this.handshakeHash = handshakeHash;
    }

    /** InitializeSymmetric(protocol_name). */
    static SymmetricState initialize(NoiseProtocol protocol) {
        HashFunction hash = protocol.hash();
        byte[] name = protocol.name().getBytes(StandardCharsets.US_ASCII);
        byte[] h = name.length <= hash.hashLength() ? Arrays.copyOf(name, hash.hashLength()) : hash.hash(name);
        return new SymmetricState(hash, protocol.cipher(), CipherState.empty(protocol.cipher()), h.clone(), h);
    }

    /** MixKey: feeds DH output into the chaining key and starts a new cipher key. */
    void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = hash.hkdf(chainingKey, inputKeyMaterial, 2);
        replaceChainingKey(out[0]);
        initializeKey(Arrays.copyOf(out[1], NoiseConstants.KEY_LENGTH));
        Arrays.fill(out[1], (byte) 0);
    }

    /** MixHash: h = HASH(h || data). */
    void mixHash(byte[] data) {
        handshakeHash = hash.hash(handshakeHash, data);
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    /** EncryptAndHash: encrypts with h as associated data (identity without a key) and mixes the result into h. */
    byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
        byte[] ciphertext = cipher.encryptWithAd(handshakeHash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    /** DecryptAndHash: the inverse of {@link #encryptAndHash}. */
    byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
        byte[] plaintext = cipher.decryptWithAd(handshakeHash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** Split: the two transport keys, truncated to 32 bytes; zeroes the chaining key and handshake cipher. */
    SplitKeys split() {
        byte[][] out = hash.hkdf(chainingKey, new byte[0], 2);
        SplitKeys keys = new SplitKeys(Arrays.copyOf(out[0], NoiseConstants.KEY_LENGTH),
                Arrays.copyOf(out[1], NoiseConstants.KEY_LENGTH));
        Arrays.fill(out[0], (byte) 0);
        Arrays.fill(out[1], (byte) 0);
        destroySecrets();
        return keys;
    }

    /** An independent copy, to restore when a handshake message turns out to be bad. */
    SymmetricState copy() {
        return new SymmetricState(hash, cipherFunction, cipher.copy(), chainingKey.clone(), handshakeHash.clone());
    }

    /** Zeroes the chaining key and the handshake cipher key; the handshake hash stays readable. */
    void destroySecrets() {
        Arrays.fill(chainingKey, (byte) 0);
        cipher.destroy();
    }

    private void initializeKey(byte[] key) {
        cipher.destroy();
        try {
            cipher = new CipherState(cipherFunction, key);
        } catch (NoiseException e) {
            throw new AssertionError(e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private void replaceChainingKey(byte[] next) {
        Arrays.fill(chainingKey, (byte) 0);
        chainingKey = next;
    }
}
