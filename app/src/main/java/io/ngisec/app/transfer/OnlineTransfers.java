package io.ngisec.app.transfer;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.SessionServices;
import io.ngisec.app.settings.AppSettings;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.client.store.StoreException;
import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.IncomingOffer;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.OfferDecision;
import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferException;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.client.transfer.TransferProgress;
import io.ngisec.client.transfer.TransferRecord;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real {@link TransferService} over the running {@link OnlinePeer}; it is also the peer's
 * {@link OfferDecider} (an offer waits, on the engine's thread for it, until the user answers) and
 * {@link TransferListener}. Work runs on virtual threads; changes reach the UI coalesced (at most
 * one pending UI task, holding the newest snapshot of each transfer), so a fast transfer cannot
 * flood the FX thread. Thread safe.
 */
public final class OnlineTransfers implements TransferService, TransferListener, OfferDecider, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OnlineTransfers.class.getName());
    /** How long an offer waits for the user before it is declined. */
    static final Duration OFFER_TIMEOUT = Duration.ofMinutes(10);
    private static final int HISTORY = 200;

    private final Supplier<Optional<OnlinePeer>> peer;
    private final AppSettings settings;
    private final java.util.concurrent.Executor ui;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final List<TransferServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<TransferId, Transfer> live = new ConcurrentHashMap<>();
    private final Map<TransferId, TransferProgress> progress = new ConcurrentHashMap<>();
    private final Map<TransferId, CompletableFuture<OfferDecision>> offers = new ConcurrentHashMap<>();
    // Guarded by this: what the next UI task delivers, in order of first change.
    private final Map<TransferId, TransferSnapshot> outbox = new LinkedHashMap<>();
    private final List<TransferId> removals = new ArrayList<>();
    private boolean flushScheduled;
    private volatile boolean closed;

    /** Transfers over the peer {@code peer} gives once it runs, telling listeners through {@code ui}. */
    public OnlineTransfers(Supplier<Optional<OnlinePeer>> peer, AppSettings settings, java.util.concurrent.Executor ui) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public void addListener(TransferServiceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public CompletableFuture<Void> send(Colleague to, List<Path> paths) {
        List<Path> files = List.copyOf(paths);
        return CompletableFuture.runAsync(() -> {
            try {
                Transfer t = offer(to, files);
                live.put(t.id(), t);
                publish(t);
            } catch (Refusal r) {
                publish(new TransferSnapshot(TransferId.random(), Direction.OUTGOING, to.user(), title(files), 0, 0, 0,
                        Optional.empty(), r.state, r.getMessage(), Optional.empty(), false));
                throw new java.util.concurrent.CompletionException(r);
            }
        }, work);
    }

    /** A one-line refusal before any transfer existed. */
    static final class Refusal extends RuntimeException {
        final TransferState state;

        Refusal(TransferState state, String message) {
            super(message, null, false, false);
            this.state = state;
        }
    }

    private Transfer offer(Colleague to, List<Path> files) {
        OnlinePeer p = online();
        DirectoryEntry device = to.devices().stream().filter(DirectoryEntry::online).findFirst()
                .orElseThrow(() -> new Refusal(TransferState.FAILED, to.user() + " is offline"));
        if (!device.services().containsKey(Service.FILE)) {
            denial(p, device.deviceId(), to.user());
        }
        PeerLink link = connect(p, device, to.user());
        try {
            return p.transfers().send(link, files);
        } catch (TransferException e) {
            throw new Refusal(e.state(), e.getMessage());
        }
    }

    /** Throws the policy's denial, naming its rule; returns when the policy allows files after all. */
    private static void denial(OnlinePeer p, DeviceId device, String user) {
        Optional<String> denied;
        try {
            denied = p.policyDenial(device, Service.FILE);
        } catch (ServerException e) {
            throw new Refusal(TransferState.FAILED, e.getMessage());
        }
        if (denied.isPresent()) {
            throw new Refusal(TransferState.DENIED, "the policy does not allow files with " + user + ": " + denied.get());
        }
    }

    private static PeerLink connect(OnlinePeer p, DirectoryEntry device, String user) {
        return connect(p, device.deviceId(), SessionServices.of(device, Service.FILE), user);
    }

    /** What {@code device} is allowed as the directory says now, with FILE; FILE alone if the directory cannot be read. */
    private static Set<Service> servicesWith(OnlinePeer p, DeviceId device) {
        try {
            return p.directory().stream().filter(e -> e.deviceId().equals(device)).findFirst()
                    .map(e -> SessionServices.of(e, Service.FILE)).orElse(Set.of(Service.FILE));
        } catch (ServerException e) {
            return Set.of(Service.FILE);
        }
    }

    private static PeerLink connect(OnlinePeer p, DeviceId device, Set<Service> services, String user) {
        try {
            return p.connect(device, services);
        } catch (SessionSetupException e) {
            throw new Refusal(e.reason() == SessionSetupException.Reason.DENIED ? TransferState.DENIED : TransferState.FAILED,
                    "cannot reach " + user + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(TransferState.FAILED, "stopped");
        }
    }

    private OnlinePeer online() {
        return peer.get().orElseThrow(() -> new Refusal(TransferState.FAILED, "not online yet"));
    }

    @Override
    public void pause(TransferId id) {
        control(id, Transfer::pause);
    }

    @Override
    public void resume(TransferId id) {
        control(id, Transfer::resume);
    }

    @Override
    public void cancel(TransferId id) {
        control(id, t -> t.cancel("stopped in the app"));
        CompletableFuture<OfferDecision> pending = offers.remove(id);
        if (pending != null) {
            pending.complete(new OfferDecision.Decline("declined"));
        }
    }

    private void control(TransferId id, java.util.function.Consumer<Transfer> action) {
        Transfer t = live.get(id);
        if (t != null) {
            work.execute(() -> {
                try {
                    action.accept(t);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "transfer control failed", e);
                }
            });
        }
    }

    @Override
    public CompletableFuture<Void> retry(TransferId id) {
        return CompletableFuture.runAsync(() -> {
            OnlinePeer p = online();
            List<TransferRecord> before = records(p);
            TransferRecord old = before.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new Refusal(TransferState.FAILED, "this transfer is no longer in the history"));
            if (old.direction() != Direction.OUTGOING) {
                throw new Refusal(TransferState.FAILED, "only the sender can offer a transfer again");
            }
            PeerLink link = connect(p, old.peerDevice(), servicesWith(p, old.peerDevice()), old.peerUser());
            List<Transfer> resumed;
            try {
                resumed = p.transfers().resumeInterrupted(link);
            } catch (TransferException e) {
                throw new Refusal(e.state(), e.getMessage());
            }
            Map<TransferId, TransferRecord> after = new java.util.HashMap<>();
            records(p).forEach(r -> after.put(r.id(), r));
            for (TransferRecord r : before) {
                if (r.direction() == Direction.OUTGOING && r.peerDevice().equals(old.peerDevice()) && resumable(r.state())) {
                    TransferRecord now = after.get(r.id());
                    if (now == null) {
                        remove(r.id());
                    } else {
                        publish(snapshot(now));
                    }
                }
            }
            for (Transfer t : resumed) {
                live.put(t.id(), t);
                publish(t);
            }
        }, work);
    }

    private static boolean resumable(TransferState s) {
        return s == TransferState.INTERRUPTED || s == TransferState.FAILED;
    }

    private static List<TransferRecord> records(OnlinePeer p) {
        try {
            return p.transfers().history(HISTORY);
        } catch (StoreException e) {
            throw new Refusal(TransferState.FAILED, e.getMessage());
        }
    }

    @Override
    public void decide(TransferId id, OfferDecision decision) {
        CompletableFuture<OfferDecision> pending = offers.remove(id);
        if (pending != null) {
            pending.complete(decision);
        }
    }

    @Override
    public CompletableFuture<List<TransferSnapshot>> history() {
        return CompletableFuture.supplyAsync(() -> peer.get().map(p -> records(p).stream().map(OnlineTransfers::snapshot).toList())
                .orElse(List.of()), work);
    }

    @Override
    public CompletableFuture<Path> downloadFolder() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return settings.downloadFolder();
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "cannot read the download folder setting: {0}", e.getMessage());
                return settings.defaultDownloadFolder();
            }
        }, work);
    }

    @Override
    public void setDownloadFolder(Path chosen) {
        work.execute(() -> {
            try {
                settings.setDownloadFolder(chosen);
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "cannot save the download folder: {0}", e.getMessage());
            }
        });
    }

    // OfferDecider: on the engine's thread for this offer.
    @Override
    public OfferDecision decide(IncomingOffer offer) throws InterruptedException {
        if (closed) {
            return new OfferDecision.Decline("the receiver is closing");
        }
        CompletableFuture<OfferDecision> answer = new CompletableFuture<>();
        offers.put(offer.id(), answer);
        ui.execute(() -> listeners.forEach(l -> l.offered(offer)));
        try {
            return answer.get(OFFER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new OfferDecision.Decline("no answer within " + OFFER_TIMEOUT.toMinutes() + " minutes");
        } catch (java.util.concurrent.ExecutionException e) {
            return new OfferDecision.Decline("the receiver could not decide");
        } finally {
            offers.remove(offer.id());
        }
    }

    // TransferListener: on the engine's threads.
    @Override
    public void stateChanged(Transfer transfer, TransferState state, String reason) {
        live.put(transfer.id(), transfer);
        if (state.ended()) {
            // The sender gave up (or the link went) while the user still looks at the offer.
            CompletableFuture<OfferDecision> pending = offers.remove(transfer.id());
            if (pending != null) {
                pending.complete(new OfferDecision.Decline(reason));
            }
        }
        publish(transfer);
        if (state.ended()) {
            live.remove(transfer.id());
            progress.remove(transfer.id());
        }
    }

    @Override
    public void progress(Transfer transfer, TransferProgress now) {
        progress.put(transfer.id(), now);
        publish(transfer);
    }

    /** Declines offers still waiting and stops the workers. */
    @Override
    public void close() {
        closed = true;
        offers.values().forEach(f -> f.complete(new OfferDecision.Decline("the receiver closed")));
        work.shutdownNow();
    }

    private void publish(Transfer t) {
        synchronized (this) {
            // Read under the lock so that the last snapshot queued is built from the newest state.
            queue(snapshot(t, progress.get(t.id())));
        }
    }

    private synchronized void publish(TransferSnapshot s) {
        queue(s);
    }

    private synchronized void remove(TransferId id) {
        outbox.remove(id);
        removals.add(id);
        schedule();
    }

    private void queue(TransferSnapshot s) {
        outbox.put(s.id(), s);
        schedule();
    }

    private void schedule() {
        if (!flushScheduled && !closed) {
            flushScheduled = true;
            ui.execute(this::flush);
        }
    }

    private void flush() {
        List<TransferSnapshot> changed;
        List<TransferId> gone;
        synchronized (this) {
            flushScheduled = false;
            changed = List.copyOf(outbox.values());
            gone = List.copyOf(removals);
            outbox.clear();
            removals.clear();
        }
        for (TransferServiceListener l : listeners) {
            gone.forEach(l::removed);
            changed.forEach(l::changed);
        }
    }

    static TransferSnapshot snapshot(Transfer t, TransferProgress p) {
        TransferState state = t.state();
        long done = state == TransferState.COMPLETED ? t.totalBytes() : p == null ? 0 : p.bytesDone();
        boolean running = state == TransferState.TRANSFERRING;
        Optional<Path> saved = t.direction() == Direction.INCOMING ? t.savedAs(0).map(Path::getParent) : Optional.empty();
        return new TransferSnapshot(t.id(), t.direction(), t.peer().user(), entryTitle(t), t.totalBytes(), done,
                running && p != null ? p.bytesPerSecond() : 0, running && p != null ? p.eta() : Optional.empty(), state,
                t.reason(), saved, !state.ended());
    }

    static TransferSnapshot snapshot(TransferRecord r) {
        return new TransferSnapshot(r.id(), r.direction(), r.peerUser(), "earlier transfer", r.totalBytes(),
                r.state() == TransferState.COMPLETED ? r.totalBytes() : 0, 0, Optional.empty(), r.state(), r.reason(),
                Optional.empty(), false);
    }

    private static String entryTitle(Transfer t) {
        var entries = t.entries();
        if (entries.size() == 1) {
            return entries.get(0).relativePath();
        }
        String first = entries.isEmpty() ? "" : entries.get(0).relativePath();
        int slash = first.indexOf('/');
        String folder = slash > 0 ? first.substring(0, slash) : "";
        boolean oneFolder = !folder.isEmpty() && entries.stream().allMatch(e -> e.relativePath().startsWith(folder + "/"));
        return (oneFolder ? folder + "/ (" : "") + entries.size() + " files" + (oneFolder ? ")" : "");
    }

    private static String title(List<Path> files) {
        if (files.size() == 1) {
            Path name = files.get(0).getFileName();
            return name == null ? files.get(0).toString() : name.toString();
        }
        return files.size() + " items";
    }
}
