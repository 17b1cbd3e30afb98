package io.ngisec.server.home;

import io.ngisec.server.home.HomeException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The secret a home's private keys are encrypted under: an administrator's passphrase (from
 * {@value #PASSPHRASE_VARIABLE}) or, when there is none, 32 random bytes in
 * {@code secrets/master.key}, readable by the server's OS user only. The passphrase protects keys
 * from anyone who copies the directory; the master key only from readers of a backup that left the
 * file out. Immutable; {@link #toString()} never shows the passphrase.
 */
public final class Secrets {

    /** The environment variable holding the passphrase. */
    public static final String PASSPHRASE_VARIABLE = "NGISEC_SERVER_PASSPHRASE";
    static final int MASTER_KEY_LENGTH = 32;

    private final char[] passphrase; // null: use the master key file

    private Secrets(char[] passphrase) {
        this.passphrase = passphrase;
    }

    /** The passphrase if the variable is set and not empty, else the master key file. */
    public static Secrets fromEnvironment(Function<String, String> environment) {
        String value = environment.apply(PASSPHRASE_VARIABLE);
        return value == null || value.isEmpty() ? masterKey() : passphrase(value.toCharArray());
    }

    /** Keys encrypted under this passphrase; throws IllegalArgumentException if it is empty. */
    public static Secrets passphrase(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        return new Secrets(passphrase.clone());
    }

    /** Keys encrypted under the home's {@code secrets/master.key}. */
    public static Secrets masterKey() {
        return new Secrets(null);
    }

    public boolean usesPassphrase() {
        return passphrase != null;
    }

    /**
     * The bytes scrypt takes as password: the passphrase in UTF-8, or the master key (created
     * first when {@code create}). A fresh array the caller should wipe.
     */
    byte[] material(HomeLayout layout, boolean create, SecureRandom random) throws HomeException {
        if (passphrase != null) {
            ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
            byte[] out = Arrays.copyOf(utf8.array(), utf8.limit());
            Arrays.fill(utf8.array(), (byte) 0);
            return out;
        }
        if (create) {
            byte[] key = new byte[MASTER_KEY_LENGTH];
            random.nextBytes(key);
            AtomicFiles.write(layout.masterKey(), key, true);
            return key;
        }
        if (!Files.exists(layout.masterKey())) {
            throw new HomeException(Reason.NO_SECRET, PASSPHRASE_VARIABLE + " is not set and "
                    + layout.show(layout.masterKey()) + " does not exist: set the passphrase this home was created with");
        }
        byte[] key = AtomicFiles.read(layout.masterKey(), layout);
        if (key.length != MASTER_KEY_LENGTH) {
            throw new HomeException(Reason.BAD_KEY_FILE, layout.show(layout.masterKey()) + " is not "
                    + MASTER_KEY_LENGTH + " bytes long");
        }
        return key;
    }

    @Override
    public String toString() {
        return passphrase != null ? "Secrets[passphrase]" : "Secrets[master key file]";
    }
}
