package io.ngisec.client.home;

import io.ngisec.client.identity.EnrolledIdentity;
import java.nio.file.Path;

/** Run as a separate process by tests: opens the home in args[0] and prints its enrolled user, like {@code ngisec status}. */
public final class HomeProbe {

    private HomeProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (PeerHome home = PeerHome.open(Path.of(args[0]), PassphraseSource.generatedKey())) {
            System.out.println(home.identity().map(EnrolledIdentity::user).orElse("not enrolled"));
        } catch (HomeException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
