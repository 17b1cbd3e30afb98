package io.ngisec.app.service;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.store.StoredIdentity;
import io.ngisec.protocol.enroll.Invite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real {@link EnrollmentService}: enrolls into the home folder {@code directory} as
 * {@code ngisec enroll} does (keys generated here, only public keys sent, CA pinned by the
 * invite). After a success, {@link #takeHome()} hands over the home, opened with the chosen
 * protection, for the device to come online. Each request runs on its own virtual thread.
 */
public final class HomeEnrollment implements EnrollmentService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HomeEnrollment.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Executor ui;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private volatile PeerHome enrolled;

    public HomeEnrollment(Path directory, Executor ui) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public CompletableFuture<OrganizationPreview> preview(Invite invite) {
        return run(() -> OrganizationProbe.probe(invite));
    }

    @Override
    public CompletableFuture<SelfIdentity> enroll(Invite invite, String deviceName, KeyProtection protection) {
        return run(() -> {
            PeerHome home;
            try {
                home = PeerHome.open(directory, protection.source());
            } catch (HomeException e) {
                throw new EnrollmentException(e.getMessage(), e);
            }
            try {
                Optional<StoredIdentity> existing = home.storedIdentity();
                if (existing.isPresent()) {
                    throw new EnrollmentException(directory + " already holds the enrolled device "
                            + existing.get().user() + "/" + existing.get().deviceName());
                }
                EnrolledIdentity identity = PolicyServerClient.enroll(invite, deviceName, DeviceKeys.generate(RANDOM));
                home.saveIdentity(identity);
                StoredIdentity stored = home.storedIdentity().orElseThrow(
                        () -> new EnrollmentException("the enrolled device was not saved in " + directory));
                enrolled = home;
                return SelfIdentity.of(stored);
            } catch (ServerException | HomeException e) {
                home.close();
                throw new EnrollmentException(e.getMessage(), e);
            } catch (EnrollmentException | RuntimeException e) {
                home.close();
                throw e;
            }
        });
    }

    @Override
    public String defaultDeviceName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            return dot > 0 ? host.substring(0, dot) : host;
        } catch (UnknownHostException e) {
            return "desktop";
        }
    }

    /** The home the device was enrolled into, opened; the caller owns it from now on. Empty before a success. */
    public Optional<PeerHome> takeHome() {
        PeerHome home = enrolled;
        enrolled = null;
        return Optional.ofNullable(home);
    }

    /** Stops the worker; an enrolled home not taken is closed. */
    @Override
    public void close() {
        work.shutdownNow();
        takeHome().ifPresent(PeerHome::close);
    }

    private <T> CompletableFuture<T> run(Step<T> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.execute(() -> {
            try {
                T value = step.run();
                ui.execute(() -> result.complete(value));
            } catch (EnrollmentException e) {
                ui.execute(() -> result.completeExceptionally(e));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "enrollment step failed", e);
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                ui.execute(() -> result.completeExceptionally(new EnrollmentException("enrollment failed: " + why, e)));
            }
        });
        return result;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws EnrollmentException;
    }
}
