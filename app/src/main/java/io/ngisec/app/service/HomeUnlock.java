package io.ngisec.app.service;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PassphraseSource;
import io.ngisec.client.home.PeerHome;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The real {@link UnlockService}: opens the home in {@code directory} with the passphrase and
 * reads its keys; after a success {@link #takeHome()} hands over the home, opened with it.
 */
public final class HomeUnlock implements UnlockService, AutoCloseable {

    private final Path directory;
    private final Executor ui;
    private volatile PeerHome unlocked;

    public HomeUnlock(Path directory, Executor ui) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public CompletableFuture<SelfIdentity> unlock(char[] passphrase) {
        CompletableFuture<SelfIdentity> result = new CompletableFuture<>();
        PassphraseSource source = PassphraseSource.of(passphrase);
        Thread.ofVirtual().name("app-unlock").start(() -> {
            try {
                PeerHome home = PeerHome.open(directory, source);
                try {
                    if (home.identity().isEmpty()) {
                        throw new HomeException("no device is enrolled in " + directory);
                    }
                    SelfIdentity self = SelfIdentity.of(home.storedIdentity().orElseThrow());
                    unlocked = home;
                    ui.execute(() -> result.complete(self));
                } catch (HomeException | RuntimeException e) {
                    home.close();
                    throw e;
                }
            } catch (HomeException e) {
                ui.execute(() -> result.completeExceptionally(new EnrollmentException(e.getMessage(), e)));
            } catch (RuntimeException e) {
                ui.execute(() -> result.completeExceptionally(new EnrollmentException("cannot unlock the keys: " + e, e)));
            }
        });
        return result;
    }

    /** The unlocked home; the caller owns it from now on. Empty before a success. */
    public Optional<PeerHome> takeHome() {
        PeerHome home = unlocked;
        unlocked = null;
        return Optional.ofNullable(home);
    }

    /** Closes an unlocked home nobody took. */
    @Override
    public void close() {
        takeHome().ifPresent(PeerHome::close);
    }
}
