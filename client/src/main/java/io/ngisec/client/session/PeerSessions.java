package io.ngisec.client.session;

import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.session.ConnectedSession;
import io.ngisec.protocol.session.DatagramInbox;
import io.ngisec.protocol.session.SessionConfig;
import io.ngisec.protocol.session.SessionFailure;
import io.ngisec.protocol.session.SessionHandshake;
import io.ngisec.protocol.session.UdpSession;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceServers;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets up NGISec sessions with peer devices and keeps the live ones: {@link #connect} (ticket from
 * the policy server, ICE through its signaling, the handshake as initiator) and the answering side
 * in {@link #onSignal} (ICE as the controlled agent, the handshake as responder, then the
 * application's handler gets the link). Ends links to a device the server reports revoked, and
 * setups to one it reports offline. Thread safe.
 */
public final class PeerSessions implements AutoCloseable {

    /** Setups being answered at once; more are dropped (a flood of signals cannot exhaust the device). */
    static final int MAX_ANSWERING = 16;

    /** Where the peer's session layer settings come from. */
    public record Settings(List<InetAddress> hostAddresses, Duration iceTimeout, int streamWindow, int sendBuffer) {

        /** Every usable interface, ICE's default timeout, 4 MiB windows and 8 MiB send buffers. */
        public static Settings defaults() {
            return new Settings(List.of(), IceSettings.DEFAULT_TIMEOUT, 4 << 20, 8 << 20);
        }
    }

    /** How long a probed link may stay silent before it is declared dead. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = Logger.getLogger(PeerSessions.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PeerTrust trust;
    private final PeerSignals signals;
    private final TicketSource tickets;
    private final Supplier<IceServers> iceServers;
    private final Settings settings;
    private final Consumer<PeerLink> incoming;
    private final Map<String, Setup> setups = new ConcurrentHashMap<>();
    private final Set<SessionPeerLink> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param iceServers the STUN/TURN servers and credentials to use for the next setup (asked each time: credentials expire)
     * @param incoming gets each link a peer opened to this device, on its own thread
     */
    public PeerSessions(PeerTrust trust, PeerSignals signals, TicketSource tickets, Supplier<IceServers> iceServers,
            Settings settings, Consumer<PeerLink> incoming) {
        this.trust = trust;
        this.signals = signals;
        this.tickets = tickets;
        this.iceServers = iceServers;
        this.settings = settings;
        this.incoming = incoming;
    }

    /** Opens a session with {@code peer} for {@code services}; blocks until it is up or has failed. */
    public PeerLink connect(DeviceId peer, Set<Service> services) throws SessionSetupException, InterruptedException {
        byte[] wire;
        try {
            wire = tickets.ticket(peer, services);
        } catch (IOException e) {
            throw new SessionSetupException(SessionSetupException.Reason.SERVER, e.getMessage(), e);
        }
        SignedTicket ticket;
        try {
            ticket = SignedTicket.parse(wire);
        } catch (IdentityException e) {
            throw new SessionSetupException(SessionSetupException.Reason.SERVER, "the policy server sent a malformed ticket", e);
        }
        String id = HexFormat.of().formatHex(randomId());
        Setup setup = new Setup(peer, id, IceRole.CONTROLLING);
        setups.put(setup.key(), setup);
        try {
            DatagramPath path = setup.ice();
            DatagramInbox inbox = DatagramInbox.of(path);
            SessionHandshake.Established established;
            try {
                established = SessionHandshake.initiate(path, inbox, new HandshakeInitiator(trust.credentials(), ticket,
                        trust.verifier(), RANDOM.nextLong(), RANDOM, System::nanoTime), SessionHandshake.Timing.DEFAULT);
            } catch (SessionFailure e) {
                throw new SessionSetupException(SessionSetupException.Reason.HANDSHAKE,
                        "handshake with the peer failed: " + e.getMessage(), e);
            }
            return setup.established(path, inbox, established, true);
        } catch (SessionSetupException | InterruptedException | RuntimeException e) {
            setup.fail(e.getMessage());
            throw e;
        }
    }

    /** A signal body from {@code from}, relayed by the policy server. */
    public void onSignal(DeviceId from, String body) {
        Optional<SignalEnvelope> parsed = SignalEnvelope.parse(body);
        if (parsed.isEmpty() || closed) {
            return; // not ours, or malformed: nothing to answer
        }
        SignalEnvelope envelope = parsed.get();
        String key = from + "/" + envelope.session();
        Setup setup = setups.get(key);
        if (envelope.kind() == SignalEnvelope.Kind.ABORT) {
            if (setup != null) {
                // In XX the initiator finishes before the responder has checked its certificate:
                // a refusal then arrives here, for a link this side already handed over.
                setup.refused(from, envelope.data());
            }
            return;
        }
        if (setup == null) {
            if (!envelope.fromInitiator()) {
                return; // a peer's answer to a setup another process of this device started
            }
            if (setups.values().stream().filter(s -> !s.handedOver).count() >= MAX_ANSWERING) {
                LOG.fine(() -> "dropping a session setup from " + from + ": too many at once");
                return;
            }
            Setup answering = new Setup(from, envelope.session(), IceRole.CONTROLLED);
            setup = setups.putIfAbsent(key, answering);
            if (setup == null) {
                setup = answering;
                Setup started = answering;
                Thread.ofVirtual().name("answer-" + envelope.session()).start(() -> answer(started));
            }
        }
        setup.signaling.arrive(envelope.data());
    }

    /**
     * The policy server says {@code device} is not connected: setups with it fail now rather than
     * at their timeout, and live links to it are probed (a session outlives the peer's signaling
     * connection, but not its process: a link whose peer stopped answering ends within seconds
     * rather than at the idle timeout).
     */
    public void onPeerOffline(DeviceId device) {
        failSetups(device, "the peer is offline", SessionSetupException.Reason.OFFLINE);
        for (SessionPeerLink link : links) {
            if (link.peer().deviceId().equals(device)) {
                Thread.ofVirtual().name("probe-" + device).start(() -> {
                    if (!link.probe(PROBE_TIMEOUT)) {
                        link.close(link.peer().user() + " stopped answering");
                    }
                });
            }
        }
    }

    /**
     * The policy server refused to relay signals to {@code device} (the policy allows nothing
     * between the two): setups with it fail now, with the server's {@code reason}.
     */
    public void onSignalingDenied(DeviceId device, String reason) {
        failSetups(device, "denied by the policy: " + reason, SessionSetupException.Reason.DENIED);
    }

    /** The device was revoked: no new sessions with it, and the live ones end (no probing first). */
    public void onRevoked(DeviceId device) {
        trust.revokeDevice(device);
        failSetups(device, "the peer is offline", SessionSetupException.Reason.OFFLINE);
        for (SessionPeerLink link : links) {
            if (link.peer().deviceId().equals(device)) {
                link.close("the peer's device was revoked");
            }
        }
    }

    private void failSetups(DeviceId device, String why, SessionSetupException.Reason reason) {
        for (Setup setup : setups.values()) {
            if (setup.peer.equals(device)) {
                setup.fail(why, reason);
            }
        }
    }

    /** The links open now. */
    public List<PeerLink> links() {
        return List.copyOf(links);
    }

    @Override
    public void close() {
        closed = true;
        setups.values().forEach(s -> s.fail("shutting down"));
        links.forEach(l -> l.close("shutting down"));
    }

    private void answer(Setup setup) {
        try {
            DatagramPath path = setup.ice();
            DatagramInbox inbox = DatagramInbox.of(path);
            SessionHandshake.Established established = SessionHandshake.respond(path, inbox,
                    () -> new HandshakeResponder(trust.credentials(), trust.verifier(), RANDOM.nextLong(), RANDOM,
                            System::nanoTime), SessionHandshake.Timing.DEFAULT);
            if (!established.result().peer().deviceId().equals(setup.peer)) {
                // The signals came from one device and the handshake from another: refuse the mix.
                throw new SessionSetupException(SessionSetupException.Reason.HANDSHAKE,
                        "handshake peer " + established.result().peer().deviceId() + " is not the device that signaled");
            }
            PeerLink link = setup.established(path, inbox, established, false);
            incoming.accept(link);
        } catch (SessionSetupException | SessionFailure | RuntimeException e) {
            LOG.log(Level.FINE, "answering " + setup.peer + " failed", e);
            setup.fail(e.getMessage());
        } catch (InterruptedException e) {
            setup.fail("interrupted");
        }
    }

    private static byte[] randomId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return id;
    }

    /** One setup in progress: its signaling, its ICE agent, and how it ended if it failed. */
    private final class Setup {
        final DeviceId peer;
        final String id;
        final IceRole role;
        final SessionSignaling signaling;
        final IceTransport transport;
        private volatile String failure;
        private volatile SessionSetupException.Reason failureReason = SessionSetupException.Reason.NO_PATH;
        private volatile boolean handedOver;
        private volatile SessionPeerLink link;

        Setup(DeviceId peer, String id, IceRole role) {
            this.peer = peer;
            this.id = id;
            this.role = role;
            this.signaling = new SessionSignaling(peer, id, role == IceRole.CONTROLLING, signals);
            this.transport = new IceTransport(new IceSettings(role, iceServers.get(), settings.hostAddresses(),
                    settings.iceTimeout()), signaling);
        }

        String key() {
            return peer + "/" + id;
        }

        DatagramPath ice() throws SessionSetupException, InterruptedException {
            try {
                return transport.connect().get(settings.iceTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                String why = failure != null ? failure
                        : "no network path to the peer (" + (e.getCause() == null ? "timeout" : e.getCause().getMessage()) + ")";
                throw new SessionSetupException(failure != null ? failureReason : SessionSetupException.Reason.NO_PATH, why, e);
            }
        }

        /**
         * Starts the session on the handshake's keys; throws when the setup failed meanwhile (the
         * peer's refusal can arrive between this side's last handshake message and here).
         */
        synchronized SessionPeerLink established(DatagramPath path, DatagramInbox inbox,
                SessionHandshake.Established established, boolean initiator) throws SessionSetupException {
            if (failure != null) {
                throw new SessionSetupException(SessionSetupException.Reason.HANDSHAKE,
                        "the peer refused the session: " + failure);
            }
            SessionConfig config = SessionConfig.defaults(StreamLayout.streams(established.result().ticket().grants()))
                    .withBuffers(settings.streamWindow(), settings.sendBuffer());
            UdpSession session = UdpSession.start(path, inbox, established, config, new SplittableRandom(RANDOM.nextLong()));
            ConnectedSession connected = ConnectedSession.start(transport, session, new ConnectedSession.Listener() {
                @Override
                public void onFailure(Throwable cause, boolean willRetry) {
                    LOG.fine(() -> "path to " + peer + ": " + cause + (willRetry ? ", retrying" : ""));
                }
            });
            handedOver = true;
            // The signaling stays: ICE restarts (consent lost, new network) go through it.
            link = SessionPeerLink.start(connected, established.result().peer(),
                    established.result().ticket(), initiator, this::ended);
            links.add(link);
            return link;
        }

        private void ended(SessionPeerLink link) {
            links.remove(link);
            setups.remove(key());
            signaling.close();
        }

        synchronized void refused(DeviceId by, String why) {
            SessionPeerLink live = link;
            if (live != null) {
                live.close(by.equals(peer) ? "the peer refused the session: " + why : why);
            } else {
                fail(why);
            }
        }

        synchronized void fail(String why, SessionSetupException.Reason reason) {
            if (handedOver || failure != null) {
                return;
            }
            failureReason = reason;
            fail(why);
        }

        synchronized void fail(String why) {
            if (handedOver || failure != null) {
                return;
            }
            setups.remove(key());
            failure = why == null ? "failed" : why;
            signaling.abort(failure);
            signaling.close();
            transport.close();
        }
    }
}
