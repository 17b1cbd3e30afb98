package io.ngisec.server.instance;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.signal.SignalingHub;
import io.ngisec.server.store.PolicyRecord;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import io.ngisec.server.store.StoredDevice;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance in step with the database it shares with the administrator's commands and
 * other instances: when a device is revoked or a new policy version applied (by {@code ngisec
 * server revoke} or {@code policy apply}, possibly in another process), it refreshes the policy
 * service's view and tells this instance's connected devices, which end their sessions with a
 * revoked peer. Polling keeps this the same on H2 and PostgreSQL; at one poll a second, peers
 * hear of a revocation within about a second of it being stored. Thread safe.
 */
public final class ChangeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);

    private final ServerStore store;
    private final SignalingHub hub;
    private final Refresh refresh;
    private final Set<DeviceId> revoked = new HashSet<>();
    private long policyVersion;
    private ScheduledExecutorService timer;

    /**
     * A watcher that reads the current state now (so what happened before start is not news), and
     * later calls {@code refresh} before telling devices of a change.
     */
    public ChangeWatcher(ServerStore store, SignalingHub hub, Refresh refresh) throws StoreException {
        this.store = Objects.requireNonNull(store, "store");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        for (StoredDevice device : store.revokedDevices()) {
            revoked.add(device.id());
        }
        policyVersion = store.currentPolicy().map(PolicyRecord::version).orElse(0L);
    }

    /** Polls every {@code period} from now on, until closed. */
    public synchronized ChangeWatcher start(Duration period) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ngisec-watcher").factory());
        timer.scheduleWithFixedDelay(this::pollQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (StoreException | RuntimeException e) {
            // The database may be briefly away; the next poll catches up with what was missed.
            log.warn("could not check the database for revocations and policy changes: {}", e.getMessage());
        }
    }

    /** Checks once; returns whether anything changed. */
    synchronized boolean poll() throws StoreException {
        Set<DeviceId> fresh = new HashSet<>();
        for (StoredDevice device : store.revokedDevices()) {
            if (!revoked.contains(device.id())) {
                fresh.add(device.id());
            }
        }
        long version = store.currentPolicy().map(PolicyRecord::version).orElse(0L);
        boolean policyChanged = version != policyVersion;
        if (fresh.isEmpty() && !policyChanged) {
            return false;
        }
        refresh.refresh();
        for (DeviceId device : fresh) {
            log.info("device {} revoked: closing its connections and telling its peers", device);
            hub.revokedHere(device);
            revoked.add(device);
        }
        if (policyChanged) {
            log.info("policy version {} applied", version);
            hub.policyChangedHere(version);
            policyVersion = version;
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** What brings the policy service up to date with the database before devices are told. */
    @FunctionalInterface
    public interface Refresh {
        void refresh() throws StoreException;
    }
}
