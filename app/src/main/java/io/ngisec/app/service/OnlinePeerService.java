package io.ngisec.app.service;

import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.peer.ContactsCache;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.ConnectionState;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.server.SignalingEvent;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.identity.IdentityException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real {@link PeerService}: an {@link OnlinePeer} on the home it owns. All its work (starting,
 * retrying, directory fetches, presence) runs on one virtual-thread worker, so the directory model
 * needs no locks; signaling events are handed to that worker. A server unreachable at start is
 * retried with capped exponential backoff; once online, the peer's signaling reconnects by itself.
 */
public final class OnlinePeerService implements PeerService {

    private static final Logger LOG = Logger.getLogger(OnlinePeerService.class.getName());
    private static final Duration RETRY_MIN = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final PeerHome home;
    private final SelfIdentity self;
    private final Function<PeerHome, OnlinePeer.Options> options;
    private final Executor ui;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("app-peer").factory());
    private final List<PeerServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final DirectoryModel model;

    // Written on the worker only.
    private volatile OnlinePeer peer;

    // Confined to the worker.
    private Duration retry = RETRY_MIN;
    private boolean everOnline;

    // Written on the worker, read anywhere.
    private volatile List<Colleague> directory = List.of();
    private volatile ServerStatus status = ServerStatus.CONNECTING;
    private volatile boolean closed;

    /**
     * A service for the device enrolled in {@code home} (which it closes at the end), with
     * {@code options} for its peer, telling listeners through {@code ui} (Platform::runLater).
     */
    public OnlinePeerService(PeerHome home, SelfIdentity self, Function<PeerHome, OnlinePeer.Options> options, Executor ui) {
        this.home = Objects.requireNonNull(home, "home");
        this.self = Objects.requireNonNull(self, "self");
        this.options = Objects.requireNonNull(options, "options");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.model = new DirectoryModel(self.deviceId());
    }

    @Override
    public SelfIdentity self() {
        return self;
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            submit(this::showCachedDirectory);
            submit(this::bringOnline);
        }
    }

    @Override
    public void addListener(PeerServiceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public List<Colleague> directory() {
        return directory;
    }

    @Override
    public ServerStatus status() {
        return status;
    }

    @Override
    public void refreshDirectory() {
        submit(this::fetchDirectory);
    }

    /**
     * The peer once it started, for the screens that drive transfers, chat and calls (their work
     * belongs off the UI thread too); empty before.
     */
    public java.util.Optional<OnlinePeer> onlinePeer() {
        return java.util.Optional.ofNullable(peer);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The worker is gone: nobody else touches the peer now.
        if (peer != null) {
            peer.close();
        }
        home.close();
    }

    private void showCachedDirectory() {
        try {
            model.replace(ContactsCache.load(home.database()));
            publishDirectory();
        } catch (StoreException e) {
            LOG.log(Level.FINE, "no cached directory", e);
        }
    }

    private void bringOnline() {
        EnrolledIdentity identity;
        try {
            identity = home.identity().orElseThrow(() -> new HomeException("no device is enrolled in " + home.directory()));
        } catch (HomeException e) {
            // Keys that cannot be read will not become readable by retrying.
            publishStatus(new ServerStatus(ConnectionPhase.OFFLINE, e.getMessage()));
            return;
        }
        try {
            peer = OnlinePeer.start(home, identity, options.apply(home));
        } catch (ServerException e) {
            publishStatus(new ServerStatus(ConnectionPhase.OFFLINE, e.getMessage()));
            if (!"revoked".equals(e.code())) {
                scheduleRetry();
            }
            return;
        } catch (HomeException | IdentityException | StoreException e) {
            publishStatus(new ServerStatus(ConnectionPhase.OFFLINE, e.getMessage()));
            return;
        }
        peer.watchSignaling(event -> submit(() -> onSignaling(event)));
        // The first Connected may have come before the watcher was in place.
        if (peer.connectionState() == ConnectionState.CONNECTED) {
            connected();
        }
        fetchDirectory();
    }

    private void scheduleRetry() {
        Duration wait = retry;
        retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
        try {
            worker.schedule(this::bringOnline, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }

    private void onSignaling(SignalingEvent event) {
        switch (event) {
            case SignalingEvent.Connected c -> {
                connected();
                fetchDirectory();
            }
            case SignalingEvent.Disconnected d -> {
                if (peer.connectionState() == ConnectionState.REVOKED) {
                    publishStatus(new ServerStatus(ConnectionPhase.OFFLINE, "this device was revoked by the organization"));
                } else if (!closed) {
                    publishStatus(new ServerStatus(everOnline ? ConnectionPhase.RECONNECTING : ConnectionPhase.CONNECTING,
                            d.reason()));
                }
                model.allOffline();
                publishDirectory();
            }
            case SignalingEvent.Presence p -> {
                if (model.presence(p.deviceId(), p.online())) {
                    publishDirectory();
                } else {
                    fetchDirectory();
                }
            }
            case SignalingEvent.PolicyChanged p -> fetchDirectory();
            case SignalingEvent.Revoked r -> {
                if (r.deviceId().equals(self.deviceId())) {
                    publishStatus(new ServerStatus(ConnectionPhase.OFFLINE, "this device was revoked by the organization"));
                } else {
                    fetchDirectory();
                }
            }
            case SignalingEvent.Signal s -> {
            }
            case SignalingEvent.Offline o -> {
            }
            case SignalingEvent.Denied d -> {
            }
            case SignalingEvent.Error e -> {
            }
        }
    }

    private void connected() {
        everOnline = true;
        retry = RETRY_MIN;
        publishStatus(new ServerStatus(ConnectionPhase.ONLINE, ""));
    }

    private void fetchDirectory() {
        if (peer == null) {
            return;
        }
        try {
            model.replace(peer.directory());
            publishDirectory();
        } catch (ServerException e) {
            LOG.log(Level.FINE, "directory fetch failed", e);
            if (status.phase() == ConnectionPhase.ONLINE) {
                // Signaling still looks up but the API does not answer: say so without leaving ONLINE.
                publishStatus(new ServerStatus(ConnectionPhase.ONLINE, e.getMessage()));
            }
        }
    }

    private void publishDirectory() {
        List<Colleague> now = model.colleagues();
        directory = now;
        deliver(l -> l.directoryChanged(now));
    }

    private void publishStatus(ServerStatus now) {
        status = now;
        deliver(l -> l.statusChanged(now));
    }

    private void deliver(java.util.function.Consumer<PeerServiceListener> call) {
        if (closed) {
            return;
        }
        ui.execute(() -> listeners.forEach(call));
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the app's peer worker failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: late signaling events have nowhere to go.
        }
    }
}
