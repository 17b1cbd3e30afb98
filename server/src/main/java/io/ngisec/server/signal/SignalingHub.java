package io.ngisec.server.signal;

import io.ngisec.protocol.identity.DeviceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the signaling connections of the devices connected to this server instance and moves
 * messages between them: relays signals (after asking the policy), announces presence to the
 * devices allowed to contact a device, and pushes revocations and policy changes. Messages for a
 * device connected to another instance go through the {@link SignalTransport}. Knows nothing of
 * HTTP or Netty. Thread safe; no method blocks except on the policy and the transport.
 */
public final class SignalingHub {

    /** WebSocket close code (private-use range) for the connections of a device that was just revoked. */
    public static final int CLOSE_REVOKED = 4003;

    private static final Logger log = LoggerFactory.getLogger(SignalingHub.class);

    private final SignalTransport transport;
    private final SignalPolicy policy;
    private final Map<DeviceId, Set<Connection>> connections = new ConcurrentHashMap<>();
    // Makes "first connection of a device" and "last one gone" decisions atomic; sends happen outside it.
    private final Object membership = new Object();

    /** A hub relaying through {@code transport}, asking {@code policy} before relaying or announcing. */
    public SignalingHub(SignalTransport transport, SignalPolicy policy) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.policy = Objects.requireNonNull(policy, "policy");
        transport.subscribe(this::onRemote);
    }

    /**
     * Registers a connection of {@code device} (already authenticated and allowed to connect). If
     * it is the device's first connection anywhere, devices allowed to contact it are told it is
     * online. Close the returned handle when the connection ends.
     */
    public Connection connect(DeviceId device, SignalSink sink) {
        Connection connection = new Connection(device, Objects.requireNonNull(sink, "sink"));
        boolean first;
        synchronized (membership) {
            Set<Connection> set = connections.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet());
            first = set.isEmpty();
            set.add(connection);
        }
        if (first) {
            String id = device.toString();
            boolean elsewhere = transport.connectedElsewhere(id);
            transport.announce(id, true);
            if (!elsewhere) {
                presenceChanged(device, true);
            }
        }
        return connection;
    }

    /**
     * Relays {@code body} (well-formed JSON, embedded as is) from one device to another, if the
     * policy allows it and the recipient is connected somewhere.
     */
    public RelayOutcome relay(DeviceId from, DeviceId to, String body) {
        if (!policy.maySignal(from, to)) {
            return RelayOutcome.DENIED;
        }
        String frame = SignalMessages.signal(from, body);
        if (sendLocal(to, frame)) {
            return RelayOutcome.DELIVERED;
        }
        String id = to.toString();
        if (transport.connectedElsewhere(id)) {
            transport.publish(id, SignalTransport.SIGNAL, frame);
            return RelayOutcome.DELIVERED;
        }
        return RelayOutcome.OFFLINE;
    }

    /** Whether the device holds a signaling connection to this or another instance. */
    public boolean isOnline(DeviceId device) {
        Set<Connection> set = connections.get(device);
        return set != null && !set.isEmpty() || transport.connectedElsewhere(device.toString());
    }

    /** How many signaling connections this instance holds. */
    public int connectionCount() {
        return connections.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Tells every connected device, here and on other instances, that {@code device} is revoked,
     * and closes that device's own connections with {@link #CLOSE_REVOKED}.
     */
    public void notifyRevoked(DeviceId device) {
        String frame = SignalMessages.revoked(device);
        revokeLocally(device, frame);
        transport.publish(device.toString(), SignalTransport.REVOKED, frame);
    }

    /** Tells every connected device, here and on other instances, that the policy is now at {@code version}. */
    public void notifyPolicy(long version) {
        String frame = SignalMessages.policy(version);
        sendToAll(frame, null);
        transport.publish(null, SignalTransport.POLICY, frame);
    }

    /**
     * Like {@link #notifyRevoked} but for this instance's devices only: for an instance that learns
     * of the revocation from the shared database, as every other instance does too.
     */
    public void revokedHere(DeviceId device) {
        revokeLocally(device, SignalMessages.revoked(device));
    }

    /** Like {@link #notifyPolicy} but for this instance's devices only (see {@link #revokedHere}). */
    public void policyChangedHere(long version) {
        sendToAll(SignalMessages.policy(version), null);
    }

    private void onRemote(String deviceId, String kind, String json) {
        try {
            switch (kind) {
                case SignalTransport.SIGNAL -> sendLocal(DeviceId.parse(deviceId), json);
                case SignalTransport.PRESENCE -> sendToContacts(DeviceId.parse(deviceId), json);
                case SignalTransport.REVOKED -> revokeLocally(DeviceId.parse(deviceId), json);
                case SignalTransport.POLICY -> sendToAll(json, null);
                default -> log.warn("dropped a signaling message of unknown kind {}", kind);
            }
        } catch (RuntimeException e) {
            log.warn("dropped a malformed signaling message from another instance (kind {})", kind, e);
        }
    }

    private void presenceChanged(DeviceId device, boolean online) {
        String frame = SignalMessages.presence(device, online);
        sendToContacts(device, frame);
        transport.publish(device.toString(), SignalTransport.PRESENCE, frame);
    }

    /** Sends to the local devices allowed to contact {@code subject}. */
    private void sendToContacts(DeviceId subject, String frame) {
        for (Map.Entry<DeviceId, Set<Connection>> entry : connections.entrySet()) {
            DeviceId other = entry.getKey();
            if (!other.equals(subject) && policy.maySignal(other, subject)) {
                entry.getValue().forEach(c -> c.send(frame));
            }
        }
    }

    private void revokeLocally(DeviceId device, String frame) {
        Set<Connection> own = connections.get(device);
        if (own != null) {
            for (Connection c : List.copyOf(own)) {
                c.sink.close(CLOSE_REVOKED, "revoked");
                c.close();
            }
        }
        sendToAll(frame, device);
    }

    private void sendToAll(String frame, DeviceId except) {
        for (Map.Entry<DeviceId, Set<Connection>> entry : connections.entrySet()) {
            if (!entry.getKey().equals(except)) {
                entry.getValue().forEach(c -> c.send(frame));
            }
        }
    }

    private boolean sendLocal(DeviceId to, String frame) {
        Set<Connection> set = connections.get(to);
        if (set == null || set.isEmpty()) {
            return false;
        }
        set.forEach(c -> c.send(frame));
        return true;
    }

    private void disconnect(Connection connection) {
        boolean last = false;
        synchronized (membership) {
            Set<Connection> set = connections.get(connection.device);
            if (set != null && set.remove(connection) && set.isEmpty()) {
                connections.remove(connection.device);
                last = true;
            }
        }
        if (last) {
            String id = connection.device.toString();
            transport.announce(id, false);
            if (!transport.connectedElsewhere(id)) {
                presenceChanged(connection.device, false);
            }
        }
    }

    /**
     * One registered signaling connection. Closing it (idempotent, thread safe) unregisters it; it
     * does not close the underlying socket, which is the sink owner's business.
     */
    public final class Connection implements AutoCloseable {

        private final DeviceId device;
        private final SignalSink sink;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Connection(DeviceId device, SignalSink sink) {
            this.device = device;
            this.sink = sink;
        }

        /** The device this connection belongs to. */
        public DeviceId device() {
            return device;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                disconnect(this);
            }
        }

        private void send(String frame) {
            try {
                sink.send(frame);
            } catch (RuntimeException e) {
                // A sink must not throw; one that does must not stop delivery to the others.
                log.warn("signaling sink of {} failed", device, e);
            }
        }
    }
}
