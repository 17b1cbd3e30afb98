package io.ngisec.protocol.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 digest of a certificate's DER encoding, the value users compare and clients pin.
 * Immutable; {@link #toString()} is the colon form {@code AB:CD:...}, {@link #hex()} the bare form.
 */
public final class Fingerprint {

    /** Length of a fingerprint, in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of these encoded bytes. */
    public static Fingerprint of(byte[] encoded) {
        return new Fingerprint(sha256(encoded));
    }

    /** A fingerprint from its 32 digest bytes; throws IllegalArgumentException for any other length. */
    public static Fingerprint fromBytes(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("fingerprint must be " + LENGTH + " bytes, got " + digest.length);
        }
        return new Fingerprint(digest.clone());
    }

    /**
     * Parses 64 hex digits, with or without colons, spaces or dashes between them, in either
     * case; throws IllegalArgumentException otherwise.
     */
    public static Fingerprint parse(String text) {
        String digits = text.replaceAll("[\\s:-]", "");
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("fingerprint must be " + 2 * LENGTH + " hex digits");
        }
        return new Fingerprint(HexFormat.of().parseHex(digits));
    }

    /** The digest bytes (a copy). */
    public byte[] bytes() {
        return digest.clone();
    }

    /** Lower-case hex without separators. */
    public String hex() {
        return HexFormat.of().formatHex(digest);
    }

    /** Whether these encoded bytes have this fingerprint; compares in constant time. */
    public boolean matches(byte[] encoded) {
        return MessageDigest.isEqual(digest, sha256(encoded));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }
}
