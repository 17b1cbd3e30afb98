package io.ngisec.protocol.noise;

/** Fixed numbers of the Noise specification (revision 34); none of them is a tunable. */
public final class NoiseConstants {

    /** Largest Noise message, handshake or transport, in bytes (section 3). */
    public static final int MAX_MESSAGE_LENGTH = 65535;

    /** Length of a cipher key in bytes (section 4.2). */
    public static final int KEY_LENGTH = 32;

    /** Length of the AEAD authentication tag in bytes (section 4.2). */
    public static final int TAG_LENGTH = 16;

    /** Length of the AEAD nonce built from the 64-bit counter, in bytes (section 12.3, 12.4). */
    public static final int NONCE_LENGTH = 12;

    /**
     * The reserved nonce 2^64-1 as an unsigned Java long; a cipher state that reaches it refuses to
     * encrypt or decrypt, and rekey uses it (section 5.1, 11.3).
     */
    public static final long MAX_NONCE = -1L;

    /** Length of an X25519 public key and shared secret, DHLEN, in bytes (section 12.1). */
    public static final int X25519_LENGTH = 32;

    /** Longest protocol name in bytes (section 8). */
    public static final int MAX_PROTOCOL_NAME_LENGTH = 255;

    private NoiseConstants() {
    }
}
