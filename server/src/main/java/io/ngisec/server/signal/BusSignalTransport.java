package io.ngisec.server.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SignalTransport} of one server instance among several sharing a database: messages
 * travel on a {@link SignalBus} (PostgreSQL LISTEN/NOTIFY in production), presence lives in the
 * store's presence table so every instance knows who is connected anywhere. A bus delivers to its
 * publisher too, so each message carries its origin instance and this transport ignores its own.
 * With a single instance (embedded H2) the bus is a {@link LocalSignalBus} and only presence
 * matters. Thread safe; never throws from the transport methods (signaling is best effort).
 */
public final class BusSignalTransport implements SignalTransport, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BusSignalTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final SignalBus bus;
    private final ServerStore store;
    private final String instanceId;
    private volatile AutoCloseable subscription;

    /**
     * A transport for instance {@code instanceId} (letters, digits and {@code ._:-}; stable across
     * restarts, such as host:port, so a restarted instance clears what it left behind). Forgets
     * any presence the same instance recorded before.
     */
    public BusSignalTransport(SignalBus bus, ServerStore store, String instanceId) throws StoreException {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.store = Objects.requireNonNull(store, "store");
        if (!INSTANCE.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instance id must be 1 to 100 of A-Z a-z 0-9 . _ : -");
        }
        this.instanceId = instanceId;
        store.clearPresence(instanceId);
    }

    @Override
    public void publish(String deviceId, String kind, String json) {
        try {
            String wrapped = "{\"origin\":" + JSON.writeValueAsString(instanceId) + ",\"frame\":" + json + "}";
            bus.publish(deviceId == null ? SignalEnvelope.broadcast(kind, wrapped)
                    : new SignalEnvelope(deviceId, kind, wrapped));
        } catch (Exception e) {
            log.warn("could not pass a {} message to the other instances: {}", kind, e.getMessage());
        }
    }

    @Override
    public synchronized void subscribe(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (subscription != null) {
            throw new IllegalStateException("already subscribed");
        }
        subscription = bus.subscribe(envelope -> deliver(envelope, listener));
    }

    private void deliver(SignalEnvelope envelope, Listener listener) {
        JsonNode node;
        try {
            node = JSON.readTree(envelope.json());
        } catch (Exception e) {
            log.debug("dropped a bus message that is not JSON");
            return;
        }
        JsonNode origin = node == null ? null : node.get("origin");
        JsonNode frame = node == null ? null : node.get("frame");
        if (origin == null || !origin.isTextual() || frame == null || !frame.isObject()) {
            log.debug("dropped a bus message without origin or frame");
            return;
        }
        if (origin.textValue().equals(instanceId)) {
            return;
        }
        listener.onMessage(envelope.isBroadcast() ? null : envelope.targetDevice(), envelope.kind(), frame.toString());
    }

    @Override
    public void announce(String deviceId, boolean connectedHere) {
        try {
            store.setPresence(DeviceId.parse(deviceId), instanceId, connectedHere);
        } catch (StoreException | RuntimeException e) {
            log.warn("could not record presence of {}: {}", deviceId, e.getMessage());
        }
    }

    /**
     * Whether the device is connected to any instance, as the presence table says. The hub asks
     * only for devices it holds no connection of (or just released), so "anywhere" is "elsewhere".
     */
    @Override
    public boolean connectedElsewhere(String deviceId) {
        try {
            return store.isOnline(DeviceId.parse(deviceId));
        } catch (StoreException | RuntimeException e) {
            log.warn("could not read presence of {}: {}", deviceId, e.getMessage());
            return false;
        }
    }

    /** Stops listening and forgets this instance's presence; the bus and store stay open. */
    @Override
    public void close() {
        AutoCloseable current = subscription;
        subscription = null;
        try {
            if (current != null) {
                current.close();
            }
            store.clearPresence(instanceId);
        } catch (Exception e) {
            log.warn("could not clear presence of instance {}: {}", instanceId, e.getMessage());
        }
    }
}
