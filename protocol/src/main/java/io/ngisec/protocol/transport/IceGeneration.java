package io.ngisec.protocol.transport;

import static io.ngisec.protocol.transport.TransportFailure.Reason.GATHERING_FAILED;
import static io.ngisec.protocol.transport.TransportFailure.Reason.ICE_FAILED;
import static io.ngisec.protocol.transport.TransportFailure.Reason.TIMEOUT;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.NominationStrategy;
import org.ice4j.ice.harvest.StunCandidateHarvester;
import org.ice4j.security.LongTermCredential;

/**
 * One ICE generation: one ice4j agent with its own ufrag and pwd (RFC 8445 section 9: new
 * credentials are what makes an ICE restart), one stream with one UDP component. It trickles its
 * candidates (RFC 8838): host candidates go to the peer in a first fragment at once, server-reflexive
 * and relayed ones in further fragments as their servers answer, end-of-candidates last (in the
 * first fragment when there are no servers). Connectivity checks start as soon as the host
 * candidates are out and the peer's first fragment with a candidate is in; the peer's later
 * candidates join the running checks, and so do local relayed candidates gathered late. Once a
 * pair is selected it runs {@link ConsentFreshness} on it.
 *
 * <p>Reports to its {@link Owner} exactly one of selected or failed (unless closed first), and at
 * most one consent loss after selected. Thread safe; the owner is called on gathering, signaling,
 * ice4j and timer threads, never with a lock of this generation held.
 */
final class IceGeneration {

    /** What a generation tells its transport. Implementations must not block. */
    interface Owner {
        /** Sends {@code fragment} of this generation's description to the peer. */
        void signal(IceDescription fragment) throws TransportFailure;

        void onSelected(IceGeneration generation, SelectedPath path);

        void onFailed(IceGeneration generation, TransportFailure failure);

        void onConsentLost(IceGeneration generation, SelectedPath path);
    }

    static final String STREAM = "ngisec";
    private static final Logger LOG = Logger.getLogger(IceGeneration.class.getName());

    private final int number;
    private final IceSettings settings;
    private final Owner owner;
    private final ScheduledExecutorService timer;
    /** Serialises the agent calls that change candidates and checks; taken before {@code this}, never inside it. */
    private final Object agentLock = new Object();
    /** Keeps fragments in the order they are made, end-of-candidates last. */
    private final Object sendLock = new Object();
    private final long startNanos = System.nanoTime();

    // Guarded by this.
    private Agent agent;
    private AddressHostHarvester hosts;
    private Component component;
    private final List<IceCandidate> sent = new ArrayList<>();
    private boolean localEnd;
    private boolean hostsSent;
    private String remoteUfrag;
    private String remotePwd;
    private final List<IceCandidate> remoteBeforeChecks = new ArrayList<>();
    private boolean checking;
    private boolean settled;
    private boolean closed;
    private SelectedPath path;
    private ConsentFreshness consent;

    IceGeneration(int number, IceSettings settings, Owner owner, ScheduledExecutorService timer) {
        this.number = number;
        this.settings = settings;
        this.owner = owner;
        this.timer = timer;
    }

    /** Starts gathering on a new thread and the timeout of the settings; returns at once. */
    void start() {
        timer.schedule(() -> fail(new TransportFailure(TIMEOUT, "no path after " + settings.timeout())),
                settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
        Thread.ofPlatform().daemon().name("ice-gather-" + number).start(this::gather);
    }

    int number() {
        return number;
    }

    /** The peer's ufrag for this generation, or null before its first fragment. */
    synchronized String remoteUfrag() {
        return remoteUfrag;
    }

    /** Whether neither a path nor a failure has come yet. */
    synchronized boolean pending() {
        return !settled && !closed;
    }

    /** The selected path, or null. */
    synchronized SelectedPath path() {
        return path;
    }

    /** What was sent to the peer so far (all fragments in one), or null before the first fragment. */
    synchronized IceDescription localDescription() {
        return sent.isEmpty() && !localEnd ? null
                : new IceDescription(agent.getLocalUfrag(), agent.getLocalPassword(), sent, localEnd);
    }

    /**
     * Takes a fragment of the peer's description for this generation (the transport matched its
     * ufrag); the first one sets the peer's credentials. False if its pwd differs from the one
     * the ufrag came with: the fragment is then ignored.
     */
    boolean onRemote(IceDescription fragment) {
        List<IceCandidate> late;
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (remoteUfrag == null) {
                remoteUfrag = fragment.ufrag();
                remotePwd = fragment.pwd();
            } else if (!remotePwd.equals(fragment.pwd())) {
                return false;
            }
            if (checking) {
                late = fragment.candidates();
            } else {
                remoteBeforeChecks.addAll(fragment.candidates());
                late = List.of();
            }
        }
        if (!late.isEmpty()) {
            synchronized (agentLock) {
                Ice4jCandidates.addRemoteLate(component, late);
            }
        }
        maybeStartChecks();
        return true;
    }

    /** Stops consent checks, closes the path and frees the agent and its sockets; no more reports. Idempotent. */
    void close() {
        Agent a;
        AddressHostHarvester h;
        SelectedPath p;
        ConsentFreshness c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            a = agent;
            h = hosts;
            p = path;
            c = consent;
        }
        if (c != null) {
            c.stop();
        }
        if (p != null) {
            p.close();
        }
        if (a != null) {
            a.free();
        }
        if (h != null) {
            h.closePorts();
        }
    }

    // --- gathering ---

    private void gather() {
        try {
            Agent a = newAgent();
            synchronized (this) {
                if (closed) {
                    a.free();
                    return;
                }
                agent = a;
            }
            IceMediaStream stream = a.createMediaStream(STREAM);
            // Trickling: this gathers host candidates only; the servers come in startCandidateTrickle.
            Component c = a.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
            synchronized (this) {
                if (closed) {
                    // close() ran while we gathered: it may have missed the ports made meanwhile.
                    hosts.closePorts();
                    return;
                }
                component = c;
            }
            if (Ice4jCandidates.local(c).isEmpty()) {
                throw new TransportFailure(GATHERING_FAILED, "no candidate");
            }
            boolean servers = !settings.servers().servers().isEmpty();
            sendNewCandidates(!servers);
            synchronized (this) {
                hostsSent = true;
            }
            LOG.fine(() -> "generation " + number + ": host candidates out after " + elapsedMillis() + " ms");
            maybeStartChecks();
            if (servers) {
                a.startCandidateTrickle(this::onTrickled); // returns once every server answered or timed out
            }
        } catch (TransportFailure e) {
            fail(e);
        } catch (IOException | RuntimeException e) {
            // ice4j reports bind and harvester trouble as unchecked exceptions too.
            fail(new TransportFailure(GATHERING_FAILED, "gathering failed", e));
        }
    }

    private Agent newAgent() {
        Agent a = new Agent();
        a.setControlling(settings.role() == IceRole.CONTROLLING);
        a.setTrickling(true);
        // ice4j's default nominates the first pair that validates, and a relayed pair often does so
        // a few milliseconds before the direct one (seen behind two cone NATs: the session went
        // through coturn though srflx-srflx worked). Direct pairs are nominated at once; a relayed
        // one only after 800 ms without a direct pair, or when every other pair has failed.
        a.setNominationStrategy(NominationStrategy.NOMINATE_FIRST_HOST_OR_REFLEXIVE_VALID);
        // Host candidates always come from our harvester: it owns their sockets (see SharedUdpPort).
        a.setUseDynamicPorts(false);
        AddressHostHarvester h = new AddressHostHarvester(
                settings.hostAddresses().isEmpty() ? HostAddresses.usable() : settings.hostAddresses());
        synchronized (this) {
            hosts = h;
        }
        a.addCandidateHarvester(h);
        TurnCredentials credentials = settings.servers().turnCredentials();
        for (IceServerUri server : settings.servers().servers()) {
            TransportAddress address = new TransportAddress(server.host(), server.port(), Transport.UDP);
            a.addCandidateHarvester(switch (server.scheme()) {
                case STUN -> new StunCandidateHarvester(address);
                case TURN -> new TurnHarvester(
                        address, new LongTermCredential(credentials.username(), credentials.password()));
            });
        }
        a.addStateChangeListener(this::onStateChange);
        return a;
    }

    /** ice4j's trickle callback, on its harvesting threads: some new candidates, or null when all servers are done. */
    private void onTrickled(Collection<LocalCandidate> candidates) {
        try {
            if (candidates == null) {
                sendNewCandidates(true);
                return;
            }
            synchronized (agentLock) {
                boolean running;
                synchronized (this) {
                    running = checking && !closed;
                }
                if (running) {
                    candidates.forEach(c -> Ice4jCandidates.pairLate(component, c));
                }
            }
            sendNewCandidates(false);
        } catch (TransportFailure e) {
            fail(e);
        }
    }

    /** Sends the candidates not sent yet, and end-of-candidates if {@code end}; nothing if there is nothing new. */
    private void sendNewCandidates(boolean end) throws TransportFailure {
        synchronized (sendLock) {
            IceDescription fragment;
            synchronized (this) {
                if (closed || localEnd) {
                    return;
                }
                List<IceCandidate> fresh = new ArrayList<>(Ice4jCandidates.local(component));
                fresh.removeAll(sent);
                if (fresh.isEmpty() && !end) {
                    return;
                }
                sent.addAll(fresh);
                localEnd = end;
                fragment = new IceDescription(agent.getLocalUfrag(), agent.getLocalPassword(), fresh, end);
            }
            owner.signal(fragment);
        }
    }

    // --- checks and selection ---

    private void maybeStartChecks() {
        List<IceCandidate> initial;
        Agent a;
        Component c;
        String ufrag;
        String pwd;
        synchronized (this) {
            if (checking || closed || !hostsSent || remoteUfrag == null || remoteBeforeChecks.isEmpty()) {
                return;
            }
            checking = true;
            initial = List.copyOf(remoteBeforeChecks);
            remoteBeforeChecks.clear();
            a = agent;
            c = component;
            ufrag = remoteUfrag;
            pwd = remotePwd;
        }
        synchronized (agentLock) {
            IceMediaStream stream = c.getParentStream();
            stream.setRemoteUfrag(ufrag);
            stream.setRemotePassword(pwd);
            Ice4jCandidates.addRemote(c, initial);
            LOG.fine(() -> "generation " + number + ": checks start after " + elapsedMillis() + " ms");
            a.startConnectivityEstablishment();
        }
    }

    private void onStateChange(PropertyChangeEvent event) {
        if (!Agent.PROPERTY_ICE_PROCESSING_STATE.equals(event.getPropertyName())) {
            return;
        }
        IceProcessingState state = (IceProcessingState) event.getNewValue();
        if (state == IceProcessingState.COMPLETED) {
            selectPath();
        } else if (state == IceProcessingState.FAILED) {
            fail(new TransportFailure(ICE_FAILED, "no candidate pair succeeded"));
        }
    }

    private void selectPath() {
        Agent a;
        AddressHostHarvester h;
        Component c;
        String pwd;
        synchronized (this) {
            a = agent;
            h = hosts;
            c = component;
            pwd = remotePwd;
        }
        CandidatePair pair = c == null ? null : c.getSelectedPair();
        if (pair == null || c.getSocket() == null) {
            fail(new TransportFailure(ICE_FAILED, "completed without a selected pair"));
            return;
        }
        SelectedPath p = new SelectedPath(pathFor(h, c, pair), number);
        ConsentFreshness freshness = new ConsentFreshness(a, pair, STREAM, pwd, settings, timer, this::onConsentLost);
        synchronized (this) {
            if (closed || settled) {
                return;
            }
            settled = true;
            path = p;
            consent = freshness;
        }
        freshness.start();
        LOG.fine(() -> "generation " + number + ": selected " + p + " after " + elapsedMillis() + " ms");
        owner.onSelected(this, p);
    }

    /**
     * A direct pair whose local base is one of our host sockets runs on that socket; a relayed
     * pair (and, defensively, a pair on a socket we do not own) runs through ice4j's component
     * socket, which wraps the TURN client.
     */
    private static DatagramPath pathFor(AddressHostHarvester hosts, Component c, CandidatePair pair) {
        TransportAddress l = pair.getLocalCandidate().getTransportAddress();
        TransportAddress r = pair.getRemoteCandidate().getTransportAddress();
        InetSocketAddress local = new InetSocketAddress(l.getAddress(), l.getPort());
        InetSocketAddress remote = new InetSocketAddress(r.getAddress(), r.getPort());
        CandidateType localType = Ice4jCandidates.type(pair.getLocalCandidate());
        CandidateType remoteType = Ice4jCandidates.type(pair.getRemoteCandidate());
        TransportAddress base = pair.getLocalCandidate().getBase().getTransportAddress();
        SharedUdpPort port = localType == CandidateType.RELAYED ? null
                : hosts.port(new InetSocketAddress(base.getAddress(), base.getPort()));
        if (port != null) {
            return new SharedPortDatagramPath(port, local, remote, localType, remoteType);
        }
        // The component socket sends through the local candidate's socket: DSCP is set on that one
        // (without one, marking the component socket is harmless but never reaches the wire).
        DatagramSocket candidateSocket = Ice4jCandidates.wireSocket(pair.getLocalCandidate());
        return new ComponentDatagramPath(c.getSocket(), candidateSocket != null ? candidateSocket : c.getSocket(),
                local, remote, localType, remoteType);
    }

    private void onConsentLost() {
        SelectedPath p;
        synchronized (this) {
            if (closed) {
                return;
            }
            p = path;
        }
        p.consentLost();
        owner.onConsentLost(this, p);
    }

    private void fail(TransportFailure failure) {
        synchronized (this) {
            if (settled || closed) {
                return;
            }
            settled = true;
        }
        LOG.fine(() -> "generation " + number + " failed: " + failure.getMessage());
        owner.onFailed(this, failure);
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
