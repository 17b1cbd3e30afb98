package io.ngisec.protocol.noise;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash functions of section 12.5-12.8, with the HMAC and HKDF of section 4.3 built on them. Stateless and thread safe. */
public enum HashFunction {
    SHA256("SHA256", 32),
    SHA512("SHA512", 64),
    BLAKE2S("BLAKE2s", 32),
    BLAKE2B("BLAKE2b", 64);

    private final String noiseName;
    private final int hashLength;

    HashFunction(String noiseName, int hashLength) {
        this.noiseName = noiseName;
        this.hashLength = hashLength;
    }

    /** The name used in protocol names, for example {@code BLAKE2s}. */
    public String noiseName() {
        return noiseName;
    }

    /** HASHLEN in bytes. */
    public int hashLength() {
        return hashLength;
    }

    /** The hash function a protocol name calls {@code name}, if implemented here. */
    public static Optional<HashFunction> fromNoiseName(String name) {
        return Arrays.stream(values()).filter(h -> h.noiseName.equals(name)).findFirst();
    }

    /** HASH of the concatenation of {@code parts}. */
    public byte[] hash(byte[]... parts) {
        ExtendedDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[hashLength];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC-HASH (RFC 2104 with this hash's block length) of the concatenation of {@code parts}. */
    public byte[] hmac(byte[] key, byte[]... parts) {
        HMac mac = new HMac(newDigest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[hashLength];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * HKDF(chainingKey, inputKeyMaterial, outputs) of section 4.3: two or three outputs of HASHLEN
     * bytes each. The caller owns (and should zero) the outputs.
     */
    public byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
        if (outputs < 2 || outputs > 3) {
            throw new IllegalArgumentException("HKDF yields 2 or 3 outputs, not " + outputs);
        }
        byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
        try {
            byte[][] out = new byte[outputs][];
            out[0] = hmac(tempKey, new byte[] {1});
            for (int i = 1; i < outputs; i++) {
                out[i] = hmac(tempKey, out[i - 1], new byte[] {(byte) (i + 1)});
            }
            return out;
        } finally {
            Arrays.fill(tempKey, (byte) 0);
        }
    }

    private ExtendedDigest newDigest() {
        return switch (this) {
            case SHA256 -> new SHA256Digest();
            case SHA512 -> new SHA512Digest();
            case BLAKE2S -> new Blake2sDigest(256);
            case BLAKE2B -> new Blake2bDigest(512);
        };
    }
}
