package io.ngisec.protocol.noise;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 key pair (RFC 7748). Accessors return copies; {@link #destroy()} zeroes the private
 * key, after which every use throws IllegalStateException. Safe to share between threads only
 * while nobody destroys it.
 */
public final class DhKeyPair implements Destroyable {

    private final byte[] privateKey;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    private DhKeyPair(byte[] privateKey) {
        this.privateKey = privateKey;
        this.publicKey = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    }

    /** A fresh key pair from {@code random}. */
    public static DhKeyPair generate(SecureRandom random) {
        byte[] privateKey = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, privateKey);
        return new DhKeyPair(privateKey);
    }

    /**
     * The key pair of a 32-byte private key (clamped as RFC 7748 says when used, so any 32 bytes
     * will do); the argument is copied. INVALID_KEY for any other length.
     */
    public static DhKeyPair fromPrivateKey(byte[] privateKey) throws NoiseException {
        if (privateKey.length != X25519.SCALAR_SIZE) {
            throw new NoiseException(NoiseException.Reason.INVALID_KEY,
                    "X25519 private key must be " + X25519.SCALAR_SIZE + " bytes, not " + privateKey.length);
        }
        return new DhKeyPair(privateKey.clone());
    }

    /** The 32-byte public key (a copy). */
    public byte[] publicKey() {
        checkNotDestroyed();
        return publicKey.clone();
    }

    /** The 32-byte private key (a copy the caller must protect and zero). */
    public byte[] privateKey() {
        checkNotDestroyed();
        return privateKey.clone();
    }

    /** An independent copy, so that destroying one leaves the other usable. */
    public DhKeyPair copy() {
        checkNotDestroyed();
        return new DhKeyPair(privateKey.clone());
    }

    /**
     * DH(this, remotePublicKey): the 32-byte shared secret. DH_FAILED when the result is all zeros
     * (the peer sent a low-order point), INVALID_KEY for a key that is not 32 bytes.
     */
    public byte[] agree(byte[] remotePublicKey) throws NoiseException {
        checkNotDestroyed();
        if (remotePublicKey.length != X25519.POINT_SIZE) {
            throw new NoiseException(NoiseException.Reason.INVALID_KEY,
                    "X25519 public key must be " + X25519.POINT_SIZE + " bytes, not " + remotePublicKey.length);
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(privateKey, 0, remotePublicKey, 0, shared, 0)) {
            throw new NoiseException(NoiseException.Reason.DH_FAILED, "X25519 result is all zeros (low-order public key)");
        }
        return shared;
    }

    /** Zeroes the private key. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("key pair was destroyed");
        }
    }

    @Override
    public String toString() {
        return "DhKeyPair[X25519]";
    }
}
