package io.ngisec.client.testing;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PassphraseSource;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.server.ServerException;
import io.ngisec.protocol.enroll.Invite;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Devices enrolled with a real policy server from the test's own JVM, into homes that
 * {@code ngisec} commands open as {@code ngisec enroll} would have left them (same passphrase
 * source): a second or more faster per device than an enroll process, for tests about what comes after.
 */
public final class EnrolledHomes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolledHomes() {
    }

    /** Enrolls device {@code USER-pc} of {@code user} in {@code groups} into the home {@code home}; returns {@code home}. */
    public static Path enroll(PolicyServerProcess server, Path home, String user, String... groups)
            throws ServerException, HomeException {
        EnrolledIdentity identity = PolicyServerClient.enroll(Invite.parse(server.invite(user, groups)), user + "-pc",
                DeviceKeys.generate(RANDOM));
        try (PeerHome opened = open(home)) {
            opened.saveIdentity(identity);
        }
        return home;
    }

    /** Opens {@code home} with the passphrase source a command run from this JVM's environment would choose. */
    public static PeerHome open(Path home) throws HomeException {
        return PeerHome.open(home, PassphraseSource.choose(Optional.empty(), System.getenv()));
    }
}
