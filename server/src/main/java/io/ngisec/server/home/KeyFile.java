package io.ngisec.server.home;

import io.ngisec.server.home.HomeException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A private key encrypted at rest: AES-256-GCM under a key that scrypt derives from a secret (the
 * passphrase or the master key) and a per-file salt. Layout, big-endian, version 1:
 *
 * <pre>
 * offset size
 *  0     4   magic "NGKF"
 *  4     1   version (1)
 *  5     1   scrypt log2(N)
 *  6     1   scrypt r
 *  7     1   scrypt p
 *  8    16   salt
 * 24    12   GCM nonce
 * 36     n   ciphertext and 16-byte tag
 * </pre>
 *
 * The 36-byte header is the GCM associated data, so altering the parameters fails like altering
 * the ciphertext. {@link #parse} reads the layout only and bounds the scrypt cost, so a hostile
 * file cannot make decryption take gigabytes. Immutable.
 */
public final class KeyFile {

    static final byte[] MAGIC = "NGKF".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_LENGTH = MAGIC.length + 4 + SALT_LENGTH + NONCE_LENGTH;
    /** Far above any Ed25519 PKCS#8 key; refuses to read something that is clearly not a key file. */
    static final int MAX_LENGTH = 64 * 1024;
    private static final int KEY_LENGTH = 32;

    /**
     * scrypt cost parameters. The defaults (N = 2^15, r = 8, p = 1: 32 MiB, some 100 ms) follow the
     * interactive-login recommendation of the scrypt paper; accepted files need at most 256 MiB.
     */
    public record Params(int log2N, int r, int p) {

        public static final Params DEFAULT = new Params(15, 8, 1);
        static final long MAX_MEMORY_BYTES = 256L * 1024 * 1024;

        public Params {
            if (!valid(log2N, r, p)) {
                throw new IllegalArgumentException("scrypt parameters out of range: log2N=" + log2N + " r=" + r + " p=" + p);
            }
        }

        static boolean valid(int log2N, int r, int p) {
            return log2N >= 10 && log2N <= 22 && r >= 1 && r <= 32 && p >= 1 && p <= 16
                    && 128L * r * (1L << log2N) <= MAX_MEMORY_BYTES;
        }
    }

    private final Params params;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private KeyFile(Params params, byte[] salt, byte[] nonce, byte[] ciphertext) {
        this.params = params;
        this.salt = salt;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /** Encrypts {@code plaintext} under {@code secret} with a fresh salt and nonce. */
    public static KeyFile encrypt(byte[] plaintext, byte[] secret, Params params, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        KeyFile header = new KeyFile(params, salt, nonce, new byte[0]);
        byte[] key = deriveKey(secret, params, salt);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(header.header());
            return new KeyFile(params, salt, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks AES-GCM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Reads the layout of {@code file}; throws HomeException(BAD_KEY_FILE) for anything that is not one. */
    public static KeyFile parse(byte[] file) throws HomeException {
        if (file.length > MAX_LENGTH) {
            throw bad("longer than " + MAX_LENGTH + " bytes");
        }
        if (file.length < HEADER_LENGTH + TAG_BITS / 8 + 1) {
            throw bad("truncated");
        }
        if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw bad("not an NGISec key file");
        }
        ByteBuffer in = ByteBuffer.wrap(file, MAGIC.length, file.length - MAGIC.length);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw bad("version " + version + " (this program reads version " + VERSION + ")");
        }
        int log2N = Byte.toUnsignedInt(in.get());
        int r = Byte.toUnsignedInt(in.get());
        int p = Byte.toUnsignedInt(in.get());
        if (!Params.valid(log2N, r, p)) {
            throw bad("scrypt parameters out of range");
        }
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(salt).get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return new KeyFile(new Params(log2N, r, p), salt, nonce, ciphertext);
    }

    /**
     * The plaintext, a fresh array the caller should wipe. Throws HomeException(WRONG_SECRET) when
     * the secret is not the one it was encrypted under or the file was altered (GCM cannot tell
     * the two apart).
     */
    public byte[] decrypt(byte[] secret) throws HomeException {
        byte[] key = deriveKey(secret, params, salt);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(header());
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new HomeException(Reason.WRONG_SECRET, "wrong passphrase or master key, or the key file was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks AES-GCM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The file's bytes. */
    public byte[] encoded() {
        byte[] header = header();
        byte[] out = Arrays.copyOf(header, header.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, header.length, ciphertext.length);
        return out;
    }

    public Params params() {
        return params;
    }

    private byte[] header() {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put((byte) VERSION).put((byte) params.log2N())
                .put((byte) params.r()).put((byte) params.p()).put(salt).put(nonce).array();
    }

    private static byte[] deriveKey(byte[] secret, Params params, byte[] salt) {
        return SCrypt.generate(secret, salt, 1 << params.log2N(), params.r(), params.p(), KEY_LENGTH);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static HomeException bad(String why) {
        return new HomeException(Reason.BAD_KEY_FILE, "bad key file: " + why);
    }
}
