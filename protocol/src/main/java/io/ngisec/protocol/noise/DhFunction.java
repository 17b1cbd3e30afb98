package io.ngisec.protocol.noise;

import java.util.Arrays;
import java.util.Optional;

/** The Diffie-Hellman functions of section 12.1-12.2 implemented here: only Curve25519 (448 is not). */
public enum DhFunction {
    X25519("25519", NoiseConstants.X25519_LENGTH);

    private final String noiseName;
    private final int dhLength;

    DhFunction(String noiseName, int dhLength) {
        this.noiseName = noiseName;
        this.dhLength = dhLength;
    }

    /** The name used in protocol names, for example {@code 25519}. */
    public String noiseName() {
        return noiseName;
    }

    /** DHLEN: the length of public keys and shared secrets in bytes. */
    public int dhLength() {
        return dhLength;
    }

    /** The DH function a protocol name calls {@code name}, if implemented here. */
    public static Optional<DhFunction> fromNoiseName(String name) {
        return Arrays.stream(values()).filter(d -> d.noiseName.equals(name)).findFirst();
    }
}
