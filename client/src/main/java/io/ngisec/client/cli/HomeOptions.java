package io.ngisec.client.cli;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PassphraseSource;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every peer command shares: which home, and how its keys are unlocked. */
final class HomeOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "The peer's folder (keys, database, downloads). Default: the OS's per-user data folder.")
    Path home;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Unlock the device keys with the passphrase in FILE (first line). Default: $"
                    + PassphraseSource.ENVIRONMENT_VARIABLE + ", else a key generated in the home.")
    Path passphraseFile;

    /** Opens the home (creating it on first use). */
    PeerHome open() throws HomeException {
        Optional<char[]> given = passphraseFile == null ? Optional.empty() : Optional.of(readPassphrase());
        return PeerHome.open(directory(), PassphraseSource.choose(given, System.getenv()));
    }

    Path directory() {
        return home != null ? home : PeerHome.defaultDirectory();
    }

    /** The enrolled identity of {@code home}; a one-line failure when the home holds none. */
    static EnrolledIdentity enrolled(PeerHome home) throws HomeException {
        return home.identity().orElseThrow(() -> new CommandFailure("no device is enrolled in " + home.directory()
                + "; run 'ngisec enroll --invite ...' first"));
    }

    private char[] readPassphrase() {
        try {
            return PassphraseSource.readFile(passphraseFile);
        } catch (HomeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
