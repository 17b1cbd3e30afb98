package io.ngisec.protocol.enroll;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one-time credential of an invite: a public id (how the server finds the invite) and a
 * 256-bit secret (what proves the holder got the invite). The server keeps only the secret's
 * SHA-256. Text form {@code ID.SECRET}, both base64url without padding. Immutable.
 */
public final class InviteCode {

    /** Length of the secret, in bytes. */
    public static final int SECRET_LENGTH = 32;
    /** Length of the id, in bytes before encoding. */
    public static final int ID_LENGTH = 12;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String id;
    private final byte[] secret;

    private InviteCode(String id, byte[] secret) {
        this.id = id;
        this.secret = secret;
    }

    /** A fresh code with a random id and secret. */
    public static InviteCode generate(SecureRandom random) {
        byte[] id = new byte[ID_LENGTH];
        byte[] secret = new byte[SECRET_LENGTH];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new InviteCode(ENCODER.encodeToString(id), secret);
    }

    /** Parses {@code ID.SECRET}; throws IllegalArgumentException for anything else. */
    public static InviteCode parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        if (dot < 0 || !ID.matcher(text.substring(0, dot)).matches()
                || !SECRET.matcher(text.substring(dot + 1)).matches()) {
            throw new IllegalArgumentException("invite code must be ID.SECRET (16 and 43 base64url characters)");
        }
        byte[] secret = DECODER.decode(text.substring(dot + 1));
        if (!ENCODER.encodeToString(secret).equals(text.substring(dot + 1))) {
            throw new IllegalArgumentException("invite code secret is not canonical base64url");
        }
        return new InviteCode(text.substring(0, dot), secret);
    }

    /** The public part, safe to log and show. */
    public String id() {
        return id;
    }

    /** The secret (a copy). */
    public byte[] secret() {
        return secret.clone();
    }

    /** The SHA-256 of the secret: all the server stores. */
    public byte[] secretHash() {
        return sha256(secret);
    }

    /** Whether the secret hashes to {@code storedHash}; compares in constant time. */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }

    /** The text form {@code ID.SECRET}: a secret, so never log it. */
    public String encoded() {
        return id + "." + ENCODER.encodeToString(secret);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InviteCode other && id.equals(other.id) && MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(secret);
    }

    /** Only the id: the secret stays out of logs. */
    @Override
    public String toString() {
        return "InviteCode[" + id + "]";
    }
}
