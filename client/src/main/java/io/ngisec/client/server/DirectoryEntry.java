package io.ngisec.client.server;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Map;
import java.util.Objects;

/**
 * A device this device may contact, as the directory lists it: its user, id and name, whether it
 * holds a signaling connection now, and the services the policy allows towards it with their QoS
 * ceilings. Immutable.
 */
public record DirectoryEntry(String user, DeviceId deviceId, String deviceName, boolean online,
        Map<Service, QosClass> services) {

    public DirectoryEntry {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceName, "deviceName");
        services = Map.copyOf(services);
    }
}
