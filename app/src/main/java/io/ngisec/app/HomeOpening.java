package io.ngisec.app;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PassphraseSource;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.store.StoredIdentity;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

/**
 * Opening the device's home (its H2 database, the stored identity, whether the keys open without a
 * passphrase), started by {@link AppLauncher} before JavaFX so the two overlap: a cold open takes
 * 0.3-0.7 s on this project's 2-core machine, about a fifth of the launch to a usable window
 * (docs/benchmarks.md, "Installers"). {@link AppShell} takes it, or opens the home itself when
 * the app was started otherwise (tests).
 */
final class HomeOpening {

    private static final Logger LOG = Logger.getLogger(HomeOpening.class.getName());

    /** What the shell needs to choose its first screen; {@code home} is the caller's to close. */
    record Opened(PeerHome home, Optional<StoredIdentity> stored, boolean locked) {
    }

    private static volatile HomeOpening started;

    private final Path directory;
    private final CompletableFuture<Opened> result = new CompletableFuture<>();

    private HomeOpening(Path directory) {
        this.directory = directory;
    }

    /** Starts opening {@code directory} in the background for the shell to {@link #take} later. */
    static void startEarly(Path directory) {
        HomeOpening opening = new HomeOpening(directory);
        started = opening;
        Thread.ofVirtual().name("app-open-home-early").start(opening::run);
    }

    /**
     * The home at {@code directory}, opened: the early opening if one was started for it, else
     * opened now. Blocks; call off the FX thread.
     */
    static Opened take(Path directory) throws HomeException {
        HomeOpening early = started;
        started = null;
        if (early != null && early.directory.equals(directory)) {
            try {
                return early.result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HomeException he) {
                    throw he;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.fine("interrupted while waiting for the home; the early open is abandoned");
            }
        }
        return open(directory);
    }

    private void run() {
        Opened opened;
        try {
            opened = open(directory);
        } catch (HomeException | RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        result.complete(opened);
        if (opened.stored().isPresent() && !opened.locked()) {
            // Read the keys now, while the window builds, for the peer that asks for them next
            // (PeerHome keeps them); an error here is the peer's to report.
            try {
                opened.home().identity();
            } catch (HomeException | RuntimeException e) {
                LOG.fine(() -> "keys not read ahead: " + e.getMessage());
            }
        }
    }

    private static Opened open(Path directory) throws HomeException {
        PassphraseSource source = PassphraseSource.choose(Optional.empty(), System.getenv());
        PeerHome opened = PeerHome.open(directory, source);
        try {
            Optional<StoredIdentity> stored = opened.storedIdentity();
            // With the home's key file the keys open without a word from the user, so the window
            // need not wait for them (PBKDF2, most of a second cold); a passphrase from the
            // environment is tried now, so a wrong one leads to the unlock screen.
            boolean locked = stored.isPresent() && (!opened.opensKeysWithoutAsking()
                    || source instanceof PassphraseSource.Given && !keysReadable(opened));
            return new Opened(opened, stored, locked);
        } catch (HomeException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Whether the keys open without a passphrase typed (generated key file, or NGISEC_PASSPHRASE). */
    private static boolean keysReadable(PeerHome opened) {
        try {
            return opened.identity().isPresent();
        } catch (HomeException e) {
            LOG.fine(() -> "keys locked: " + e.getMessage());
            return false;
        }
    }
}
