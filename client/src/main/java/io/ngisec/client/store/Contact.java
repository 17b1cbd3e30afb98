package io.ngisec.client.store;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One device of the directory as the peer last heard of it: whose it is, whether it is online,
 * the services (with their highest QoS class) this device may use with it, and when its presence
 * last changed ({@code lastSeen} null: never seen online).
 */
public record Contact(DeviceId deviceId, String user, String deviceName, boolean online,
        Map<Service, QosClass> services, Instant lastSeen) {

    public Contact {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceName, "deviceName");
        services = Map.copyOf(services);
    }
}
