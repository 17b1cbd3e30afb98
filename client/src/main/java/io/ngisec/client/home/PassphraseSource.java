package io.ngisec.client.home;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where the passphrase that encrypts the device keys comes from: one the user gave (the command
 * line reads it from {@code --passphrase-file}), the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, or a random key the home generates in {@code secrets/home.key}
 * (owner-only) at its first save. The last protects the keys as well as the home folder's
 * permissions do, and needs no typing: the default for unattended peers.
 */
public sealed interface PassphraseSource {

    /** The environment variable {@link #choose} takes a passphrase from. */
    String ENVIRONMENT_VARIABLE = "NGISEC_PASSPHRASE";

    /** A passphrase given by the user (the array is copied; the caller may wipe its own). */
    static PassphraseSource of(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("empty passphrase");
        }
        return new Given(passphrase.clone());
    }

    /** The random key in {@code secrets/home.key} of the home, generated at the first save. */
    static PassphraseSource generatedKey() {
        return new GeneratedKey();
    }

    /**
     * The usual order: the {@code given} passphrase, else a non-empty {@value #ENVIRONMENT_VARIABLE}
     * in {@code environment}, else the generated key.
     */
    static PassphraseSource choose(Optional<char[]> given, Map<String, String> environment) {
        if (given.isPresent()) {
            return of(given.get());
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return new Given(variable.toCharArray());
        }
        return generatedKey();
    }

    /**
     * The passphrase in {@code file}: its first line, UTF-8, without the line end (what
     * {@code --passphrase-file} names). HomeException if it is unreadable or that line is empty.
     */
    static char[] readFile(Path file) throws HomeException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HomeException("cannot read the passphrase file " + file + ": " + reason(e), e);
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            char[] passphrase = new char[end];
            text.get(passphrase);
            Arrays.fill(text.array(), '\0');
            if (passphrase.length == 0) {
                throw new HomeException("the passphrase file " + file + " is empty");
            }
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new HomeException("the passphrase file " + file + " is not UTF-8 text", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Why a file could not be read, in words for users rather than an exception's class name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** A passphrase held in memory. */
    record Given(char[] passphrase) implements PassphraseSource {

        /** Never the passphrase itself. */
        @Override
        public String toString() {
            return "Given[passphrase]";
        }
    }

    /** The generated key file of the home. */
    record GeneratedKey() implements PassphraseSource {
    }
}
