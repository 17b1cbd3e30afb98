package io.ngisec.client.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Turns a {@link PassphraseSource} into the passphrase itself, generating the home's key file
 * when asked to. Every result is a fresh array the caller wipes after use.
 */
final class Passphrases {

    /** The generated key, relative to the home. */
    static final Path KEY_FILE = Path.of("secrets", "home.key");

    /** Random bytes in a generated key: 256 bits, as strong as the AES-256 key derived from it. */
    private static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passphrases() {
    }

    /** The passphrase of {@code source} for {@code home}; {@code create}: generate the key file if it is missing. */
    static char[] resolve(PassphraseSource source, Path home, boolean create) throws HomeException {
        return switch (source) {
            case PassphraseSource.Given given -> given.passphrase().clone();
            case PassphraseSource.GeneratedKey ignored -> keyFile(home.resolve(KEY_FILE), home, create);
        };
    }

    private static char[] keyFile(Path file, Path home, boolean create) throws HomeException {
        byte[] text = null;
        try {
            text = Files.readAllBytes(file);
            String key = new String(text, StandardCharsets.US_ASCII).strip();
            if (key.isEmpty()) {
                throw new HomeException("the key file " + file + " is empty");
            }
            return key.toCharArray();
        } catch (NoSuchFileException e) {
            if (!create) {
                throw new HomeException("the key file " + file + " that unlocks the keys in " + home
                        + " is missing (give the passphrase if the keys were saved with one)", e);
            }
            return generate(file);
        } catch (IOException e) {
            throw new HomeException("cannot read the key file " + file + ": " + e.getMessage(), e);
        } finally {
            if (text != null) {
                Arrays.fill(text, (byte) 0);
            }
        }
    }

    private static char[] generate(Path file) throws HomeException {
        byte[] random = new byte[KEY_BYTES];
        RANDOM.nextBytes(random);
        byte[] text = Base64.getUrlEncoder().withoutPadding().encode(random);
        Arrays.fill(random, (byte) 0);
        try {
            PrivateFiles.createDirectories(file.getParent());
            byte[] line = Arrays.copyOf(text, text.length + 1);
            line[text.length] = '\n';
            PrivateFiles.writeAtomically(file, line);
            Arrays.fill(line, (byte) 0);
            return new String(text, StandardCharsets.US_ASCII).toCharArray();
        } catch (IOException e) {
            throw new HomeException("cannot create the key file " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
