package io.ngisec.client.peer;

import io.ngisec.client.call.CallListener;
import io.ngisec.client.call.CallManager;
import io.ngisec.client.call.MediaStarter;
import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.diag.CallLogTable;
import io.ngisec.client.diag.CallRecorder;
import io.ngisec.client.diag.SessionLogTable;
import io.ngisec.client.diag.SessionRecorder;
import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.LinkFeature;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.server.Authorization;
import io.ngisec.client.server.CertificateRenewal;
import io.ngisec.client.server.ConnectionState;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.client.server.Revocations;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.server.SignalingClient;
import io.ngisec.client.server.SignalingEvent;
import io.ngisec.client.server.SignalingListener;
import io.ngisec.client.session.PeerSessions;
import io.ngisec.client.session.PeerTrust;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.client.store.ContactTable;
import io.ngisec.client.store.StoreException;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferEngine;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.transport.IceServers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The enrolled device online: its policy server client (renewal, directory, tickets, TURN
 * credentials, revocations), its signaling connection, its sessions with peers, and the features
 * that run over them (transfers, chat, calls), with every session recorded for {@code diag}. What the
 * command line and the desktop app drive. Thread safe.
 */
public final class OnlinePeer implements AutoCloseable {

    /**
     * What the device does with what comes in, and whom it tells.
     *
     * @param media opens the audio of a call once it is answered (either way)
     * @param calls hears about calls and decides incoming ones ({@link CallListener#NONE} declines them)
     */
    public record Options(PeerSessions.Settings sessions, OfferDecider offers, boolean acceptChat,
            TransferListener transferListener, ChatListener chatListener, Consumer<String> notices,
            MediaStarter media, CallListener calls) {

        /** Options of a device that makes no calls and declines incoming ones. */
        public Options(PeerSessions.Settings sessions, OfferDecider offers, boolean acceptChat,
                TransferListener transferListener, ChatListener chatListener, Consumer<String> notices) {
            this(sessions, offers, acceptChat, transferListener, chatListener, notices, NO_MEDIA, CallListener.NONE);
        }
    }

    private static final MediaStarter NO_MEDIA = (link, id) -> {
        throw new IOException("this device has no audio set up for calls");
    };

    /** How often TURN credentials are fetched again (they live 12 hours) and renewal is checked. */
    static final Duration REFRESH = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(OnlinePeer.class.getName());

    private final PeerHome home;
    private final Options options;
    private final Clock clock = Clock.systemUTC();
    private final PolicyServerClient server;
    private final PeerTrust trust;
    private final TransferEngine transfers;
    private final ChatEngine chat;
    private final CallManager calls;
    private final CallRecorder callRecorder;
    private final SessionRecorder recorder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PeerSessions sessions;
    private final SignalingClient signaling;
    private final CountDownLatch signalingUp = new CountDownLatch(1);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("peer-refresh").factory());
    private final List<SignalingListener> watchers = new CopyOnWriteArrayList<>();
    private volatile IceServers iceServers = IceServers.NONE;
    private volatile boolean revoked;

    private OnlinePeer(PeerHome home, PolicyServerClient server, Options options) throws IdentityException, StoreException {
        EnrolledIdentity identity = server.identity();
        this.home = home;
        this.options = options;
        this.server = server;
        this.trust = PeerTrust.of(identity, clock);
        this.transfers = new TransferEngine(home.database(), options.offers(), options.transferListener());
        this.chat = new ChatEngine(home.database(), options.chatListener());
        this.callRecorder = new CallRecorder(new CallLogTable(home.database()), clock, options.calls());
        this.calls = new CallManager(options.media(), callRecorder);
        this.recorder = new SessionRecorder(new SessionLogTable(home.database()), clock);
        this.sessions = new PeerSessions(trust, this::signal, this::ticket, () -> iceServers, options.sessions(),
                this::attach);
        this.signaling = SignalingClient.start(identity, this::onEvent);
    }

    /**
     * Brings {@code identity} online: renews its certificate if due (saving the renewal in
     * {@code home}), learns the revocations, fetches TURN credentials, and connects signaling
     * (without waiting for it: see {@link #awaitSignaling}).
     */
    public static OnlinePeer start(PeerHome home, EnrolledIdentity identity, Options options)
            throws ServerException, HomeException, IdentityException, StoreException {
        PolicyServerClient server = PolicyServerClient.open(identity);
        OnlinePeer peer;
        try {
            // The same renewal as the hourly refresh, before anything uses the certificate.
            Optional<EnrolledIdentity> renewed = new CertificateRenewal(Clock.systemUTC()).renewIfDue(server);
            if (renewed.isPresent()) {
                home.saveIdentity(renewed.get());
            }
            peer = new OnlinePeer(home, server, options);
        } catch (ServerException | HomeException | IdentityException | StoreException | RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            peer.refreshRevocations();
            peer.refreshIceServers();
        } catch (ServerException e) {
            peer.close();
            throw e;
        }
        peer.timer.scheduleWithFixedDelay(peer::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return peer;
    }

    /** Waits until signaling is connected; throws when it is not within {@code timeout} or the device is revoked. */
    public void awaitSignaling(Duration timeout) throws ServerException, InterruptedException {
        if (!signalingUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || revoked) {
            if (revoked || signaling.connectionState() == ConnectionState.REVOKED) {
                throw new ServerException(403, "revoked", "this device was revoked");
            }
            throw new ServerException(0, ServerException.UNREACHABLE,
                    "cannot connect to the policy server's signaling at " + server.identity().server());
        }
    }

    /** Who this device is now (after any renewal). */
    public EnrolledIdentity identity() {
        return server.identity();
    }

    /** The users and devices this device may contact, with presence, as the server says now. */
    public List<DirectoryEntry> directory() throws ServerException {
        List<DirectoryEntry> entries = server.directory();
        cacheContacts(entries);
        return entries;
    }

    /** Keeps the contacts cache (what the app shows while the server is unreachable) in step with the directory. */
    private void cacheContacts(List<DirectoryEntry> entries) {
        try {
            ContactsCache.save(home.database(), entries, clock.instant());
        } catch (StoreException e) {
            LOG.log(Level.FINE, "cannot cache the directory", e);
        }
    }

    /**
     * The device of {@code user} to contact: an online one (the first the directory lists); throws
     * when the user is unknown or has no online device.
     */
    public DirectoryEntry resolve(String user) throws ServerException, PeerUnavailableException {
        List<DirectoryEntry> devices = new ArrayList<>();
        for (DirectoryEntry e : directory()) {
            if (e.user().equals(user) && !e.deviceId().equals(identity().deviceId())) {
                devices.add(e);
            }
        }
        if (devices.isEmpty()) {
            throw new PeerUnavailableException("no user '" + user + "' in your directory (unknown, or the policy allows you nothing with them)", true);
        }
        return devices.stream().filter(DirectoryEntry::online).findFirst()
                .orElseThrow(() -> new PeerUnavailableException(user + " is offline", false));
    }

    /**
     * A session with {@code device} for {@code services}, with transfers, chat and calls running
     * over it: a live one (opened by either side) whose ticket covers {@code services}, so a call
     * and transfers with the same peer share one session, else a new one.
     */
    public PeerLink connect(DeviceId device, Set<Service> services) throws SessionSetupException, InterruptedException {
        for (PeerLink live : sessions.links()) {
            if (live.peer().deviceId().equals(device) && live.closed().isEmpty()
                    && services.stream().allMatch(live.grants()::allows)) {
                return live;
            }
        }
        PeerLink link = sessions.connect(device, services);
        attach(link);
        return link;
    }

    /**
     * Why the policy denies {@code service} with {@code device}, as the server words it, naming
     * the rule ({@code rule "guests" denies call}); empty if it allows it after all (the policy
     * changed since the directory was read).
     */
    public Optional<String> policyDenial(DeviceId device, Service service) throws ServerException {
        Authorization a = server.authorize(device, Set.of(service));
        return a.allowed() ? Optional.empty() : Optional.of(denial(a));
    }

    public TransferEngine transfers() {
        return transfers;
    }

    public ChatEngine chat() {
        return chat;
    }

    public CallManager calls() {
        return calls;
    }

    /**
     * Lets {@code watcher} hear every signaling event (presence, connection up and down, policy
     * changes) after this peer has handled it, on the signaling event thread: how the desktop app
     * follows presence and the server connection. Events before the call are not replayed.
     */
    public void watchSignaling(SignalingListener watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
    }

    /** The signaling connection's state now. */
    public ConnectionState connectionState() {
        return signaling.connectionState();
    }

    /** The links open now. */
    public List<PeerLink> links() {
        return sessions.links();
    }

    /** Takes the device offline; a second close (a shutdown hook racing the command) does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        // The peer should read "hung up", not "call lost", when this device goes offline mid-call.
        calls.current().ifPresent(call -> {
            call.hangUp();
            try {
                call.awaitEnd(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sessions.close();
        signaling.close();
        recorder.close();
        callRecorder.close();
        server.close();
    }

    private void attach(PeerLink link) {
        List<LinkFeature> features = new ArrayList<>();
        features.add(transfers);
        features.add(calls);
        if (options.acceptChat() || link.initiator()) {
            features.add(chat);
        }
        LinkDispatcher.start(link, features);
        recorder.watch(link);
    }

    private void signal(DeviceId to, String body) throws IOException {
        try {
            signaling.send(to, body).get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            throw new IOException("not connected to the policy server's signaling");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("signaling: " + (e.getCause() == null ? "timeout" : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private byte[] ticket(DeviceId peer, Set<Service> services) throws IOException, SessionSetupException {
        Authorization a;
        try {
            a = server.authorize(peer, services);
        } catch (ServerException e) {
            throw new SessionSetupException(SessionSetupException.Reason.SERVER, e.getMessage(), e);
        }
        if (!a.allowed()) {
            throw new SessionSetupException(SessionSetupException.Reason.DENIED, "denied by the policy: " + denial(a));
        }
        return a.ticket().orElseThrow().encoded();
    }

    /** A denial in words: the server's reason, which names the rule, or the rule alone when it gave none. */
    private static String denial(Authorization a) {
        if (a.reason().isEmpty()) {
            return a.rule().isEmpty() ? "no reason given" : "rule '" + a.rule() + "'";
        }
        return a.rule().isEmpty() || a.reason().contains(a.rule()) ? a.reason() : a.reason() + " (rule '" + a.rule() + "')";
    }

    private void onEvent(SignalingEvent event) {
        switch (event) {
            case SignalingEvent.Signal s -> sessions.onSignal(s.from(), s.bodyJson());
            case SignalingEvent.Connected c -> signalingUp.countDown();
            case SignalingEvent.Presence p -> {
                if (!p.online()) {
                    sessions.onPeerOffline(p.deviceId());
                }
                try {
                    home.database().transaction(c -> ContactTable.setOnline(c, p.deviceId(), p.online(), clock.instant()));
                } catch (StoreException e) {
                    LOG.log(Level.FINE, "cannot record presence", e);
                }
            }
            case SignalingEvent.Offline o -> sessions.onPeerOffline(o.to());
            case SignalingEvent.Denied d -> sessions.onSignalingDenied(d.to(), d.reason());
            case SignalingEvent.Revoked r -> {
                if (r.deviceId().equals(identity().deviceId())) {
                    revoked = true;
                    options.notices().accept("this device was revoked by the organization");
                    sessions.close();
                    signalingUp.countDown();
                } else {
                    sessions.onRevoked(r.deviceId());
                }
            }
            case SignalingEvent.Disconnected d -> LOG.fine(() -> "signaling down: " + d.reason());
            case SignalingEvent.PolicyChanged p -> LOG.fine(() -> "policy now at version " + p.version());
            case SignalingEvent.Error e -> LOG.fine(() -> "signaling refused a frame: " + e.code());
        }
        for (SignalingListener watcher : watchers) {
            try {
                watcher.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a signaling watcher failed", e);
            }
        }
    }

    private void refresh() {
        try {
            refreshIceServers();
            refreshRevocations();
            Optional<EnrolledIdentity> renewed = new CertificateRenewal(clock).renewIfDue(server);
            if (renewed.isPresent()) {
                home.saveIdentity(renewed.get());
                trust.renewed(renewed.get());
                signaling.updateIdentity(renewed.get());
            }
        } catch (ServerException | HomeException | IdentityException | RuntimeException e) {
            LOG.log(Level.FINE, "refresh from the policy server failed; retrying in " + REFRESH, e);
        }
    }

    private void refreshIceServers() throws ServerException {
        iceServers = server.turnCredentials().orElse(IceServers.NONE);
    }

    private void refreshRevocations() throws ServerException {
        Revocations list = server.revocations();
        // A revocation this device missed (its signaling was down when it was pushed) ends live sessions too.
        list.deviceIds().forEach(sessions::onRevoked);
        list.serials().forEach(trust::revokeSerial);
    }
}
