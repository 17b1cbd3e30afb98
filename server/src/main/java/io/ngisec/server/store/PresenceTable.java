package io.ngisec.server.store;

import io.ngisec.protocol.identity.DeviceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Table {@code presence}: one row per (device, server instance) signaling connection. */
final class PresenceTable {

    private PresenceTable() {
    }

    static void add(Connection c, Dialect dialect, DeviceId device, String instanceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.addPresence())) {
            s.setObject(1, device.value());
            s.setString(2, instanceId);
            s.executeUpdate();
        }
    }

    static void remove(Connection c, DeviceId device, String instanceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM presence WHERE device_id = ? AND instance_id = ?")) {
            s.setObject(1, device.value());
            s.setString(2, instanceId);
            s.executeUpdate();
        }
    }

    static boolean isOnline(Connection c, DeviceId device) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM presence WHERE device_id = ?")) {
            s.setObject(1, device.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static Set<DeviceId> online(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT device_id FROM presence");
                ResultSet r = s.executeQuery()) {
            Set<DeviceId> online = new HashSet<>();
            while (r.next()) {
                online.add(new DeviceId(r.getObject(1, UUID.class)));
            }
            return Set.copyOf(online);
        }
    }

    static void clear(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM presence WHERE instance_id = ?")) {
            s.setString(1, instanceId);
            s.executeUpdate();
        }
    }
}
