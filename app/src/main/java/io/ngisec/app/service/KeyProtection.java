package io.ngisec.app.service;

import io.ngisec.client.home.PassphraseSource;

/** How the device keys are protected at rest, as the user chose at enrollment. */
public sealed interface KeyProtection {

    /** The passphrase source a home is opened with. */
    PassphraseSource source();

    /** A random key generated in the home's {@code secrets/} folder: no typing, as safe as the folder's permissions. */
    record GeneratedKey() implements KeyProtection {
        @Override
        public PassphraseSource source() {
            return PassphraseSource.generatedKey();
        }
    }

    /** A passphrase the user types at every start (the array is copied by {@link #source()}; wipe it after). */
    record Passphrase(char[] passphrase) implements KeyProtection {
        @Override
        public PassphraseSource source() {
            return PassphraseSource.of(passphrase);
        }

        /** Never the passphrase itself. */
        @Override
        public String toString() {
            return "Passphrase[...]";
        }
    }
}
