package io.ngisec.protocol.transport;

import static io.ngisec.protocol.transport.TransportFailure.Reason.CLOSED;
import static io.ngisec.protocol.transport.TransportFailure.Reason.GATHERING_FAILED;
import static io.ngisec.protocol.transport.TransportFailure.Reason.ICE_FAILED;
import static io.ngisec.protocol.transport.TransportFailure.Reason.TIMEOUT;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.harvest.StunCandidateHarvester;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.security.LongTermCredential;

/**
 * One ICE agent (RFC 8445, full ICE, no trickle) for one stream with one UDP component: gathers
 * its candidates, sends them to the peer in one {@link IceDescription} through {@link Signaling},
 * starts connectivity checks when the peer's description arrives, and completes
 * {@link #connect()}'s future with the {@link DatagramPath} of the selected pair, or fails it with
 * a {@link TransportFailure} (ICE_FAILED, TIMEOUT, GATHERING_FAILED, SIGNALING_FAILED,
 * MALFORMED_DESCRIPTION, CLOSED).
 *
 * <p>Trickle ICE (RFC 8838) comes later: candidates will then be sent as they are gathered and the
 * description's end-of-candidates flag will come last. Thread safe. The future completes on an
 * ice4j, signaling or timer thread: dependent stages must not block. Always {@link #close()} the
 * transport, whatever the outcome; closing frees the agent and its sockets, including the path's.
 */
public final class IceTransport implements AutoCloseable {

    static {
        Ice4jDefaults.apply();
    }

    private static final Logger LOG = Logger.getLogger(IceTransport.class.getName());
    private static final String STREAM = "ngisec";

    private final IceSettings settings;
    private final Signaling signaling;
    private final CompletableFuture<DatagramPath> result = new CompletableFuture<>();
    private Agent agent;
    private AddressHostHarvester hosts;
    private Component component;
    private IceDescription local;
    private IceDescription remote;
    private boolean checking;
    private boolean started;
    private boolean closed;
    private long startNanos;
    private volatile DatagramPath path;

    public IceTransport(IceSettings settings, Signaling signaling) {
        this.settings = settings;
        this.signaling = signaling;
    }

    /**
     * Starts gathering on a new thread and returns at once. Call once; the same future again after.
     * The timeout of the settings runs from here.
     */
    public synchronized CompletableFuture<DatagramPath> connect() {
        if (started) {
            return result;
        }
        started = true;
        startNanos = System.nanoTime();
        signaling.setListener(this::onSignal);
        CompletableFuture.delayedExecutor(settings.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> fail(new TransportFailure(TIMEOUT, "no path after " + settings.timeout())));
        Thread.ofPlatform().daemon().name("ice-gather").start(this::gather);
        return result;
    }

    /** The description sent to the peer, or null before gathering has finished. */
    public synchronized IceDescription localDescription() {
        return local;
    }

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
            Component c = a.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
            IceDescription description = new IceDescription(
                    a.getLocalUfrag(), a.getLocalPassword(), Ice4jCandidates.local(c), true);
            if (description.candidates().isEmpty()) {
                throw new TransportFailure(GATHERING_FAILED, "no candidate");
            }
            synchronized (this) {
                if (closed) {
                    // close() ran while we gathered: it may have missed the ports made meanwhile.
                    hosts.closePorts();
                    return;
                }
                component = c;
                local = description;
            }
            LOG.fine(() -> "gathered " + description.candidates().size() + " candidates in " + elapsedMillis() + " ms");
            signaling.send(IceDescriptionCodec.encode(description));
            maybeStartChecks();
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
        a.setTrickling(false);
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
                case TURN -> new TurnCandidateHarvester(
                        address, new LongTermCredential(credentials.username(), credentials.password()));
            });
        }
        a.addStateChangeListener(this::onStateChange);
        return a;
    }

    private void onSignal(String json) {
        IceDescription description;
        try {
            description = IceDescriptionCodec.decode(json);
        } catch (TransportFailure e) {
            fail(e);
            return;
        }
        synchronized (this) {
            if (remote != null) {
                // A second description would be an ICE restart, which comes later.
                LOG.fine("ignoring a second remote description");
                return;
            }
            remote = description;
        }
        maybeStartChecks();
    }

    private void maybeStartChecks() {
        Agent a;
        synchronized (this) {
            if (checking || closed || local == null || remote == null) {
                return;
            }
            checking = true;
            a = agent;
            IceMediaStream stream = component.getParentStream();
            stream.setRemoteUfrag(remote.ufrag());
            stream.setRemotePassword(remote.pwd());
            Ice4jCandidates.addRemote(component, remote.candidates());
        }
        LOG.fine(() -> "starting checks after " + elapsedMillis() + " ms");
        a.startConnectivityEstablishment();
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
        Component c;
        synchronized (this) {
            c = component;
        }
        CandidatePair pair = c == null ? null : c.getSelectedPair();
        if (pair == null || c.getSocket() == null) {
            fail(new TransportFailure(ICE_FAILED, "completed without a selected pair"));
            return;
        }
        DatagramPath p = pathFor(c, pair);
        synchronized (this) {
            if (closed || result.isDone()) {
                return;
            }
            path = p;
        }
        LOG.fine(() -> "selected " + p + " after " + elapsedMillis() + " ms");
        result.complete(p);
    }

    /**
     * A direct pair whose local base is one of our host sockets runs on that socket; a relayed
     * pair (and, defensively, a pair on a socket we do not own) runs through ice4j's component
     * socket, which wraps the TURN client.
     */
    private DatagramPath pathFor(Component c, CandidatePair pair) {
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

    private void fail(TransportFailure failure) {
        if (result.completeExceptionally(failure)) {
            LOG.log(Level.FINE, "ICE failed", failure);
        }
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Fails a pending connect with CLOSED, closes the path and frees the agent. Idempotent. */
    @Override
    public void close() {
        Agent a;
        DatagramPath p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            a = agent;
            p = path;
        }
        fail(new TransportFailure(CLOSED, "closed"));
        signaling.setListener(null);
        if (p != null) {
            p.close();
        }
        if (a != null) {
            a.free();
        }
        AddressHostHarvester h;
        synchronized (this) {
            h = hosts;
        }
        if (h != null) {
            h.closePorts();
        }
    }
}
