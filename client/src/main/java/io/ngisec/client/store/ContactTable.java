package io.ngisec.client.store;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Table {@code contacts}: the directory cache, so that {@code status} can show peers without
 * asking the server. Services are stored as {@code SERVICE=QOS} pairs in service order, e.g.
 * {@code FILE=BULK,CHAT=INTERACTIVE}. Call inside a {@link PeerDatabase#transaction}.
 */
public final class ContactTable {

    private static final String COLUMNS = "device_id, user_name, device_name, online, services, last_seen";

    private ContactTable() {
    }

    /**
     * Makes the cache exactly {@code contacts} (a fresh directory listing): devices not in it are
     * dropped. A contact without {@code lastSeen} keeps the time already known for that device.
     */
    public static void replaceAll(Connection c, List<Contact> contacts) throws SQLException {
        Map<UUID, Instant> lastSeen = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT device_id, last_seen FROM contacts WHERE last_seen IS NOT NULL");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                lastSeen.put(r.getObject("device_id", UUID.class), Columns.instant(r, "last_seen"));
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM contacts")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Contact contact : contacts) {
                UUID id = contact.deviceId().value();
                s.setObject(1, id);
                s.setString(2, contact.user());
                s.setString(3, contact.deviceName());
                s.setBoolean(4, contact.online());
                s.setString(5, services(contact.services()));
                Columns.setInstant(s, 6, contact.lastSeen() != null ? contact.lastSeen() : lastSeen.get(id));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Records a presence change of {@code deviceId} at {@code at}; false if the device is not in the cache. */
    public static boolean setOnline(Connection c, DeviceId deviceId, boolean online, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contacts SET online = ?, last_seen = ? WHERE device_id = ?")) {
            s.setBoolean(1, online);
            Columns.setInstant(s, 2, at);
            s.setObject(3, deviceId.value());
            return s.executeUpdate() > 0;
        }
    }

    /** Every cached contact, by user then device name. */
    public static List<Contact> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts ORDER BY user_name, device_name, device_id")) {
            return read(s);
        }
    }

    /** The cached devices of {@code user}, by device name. */
    public static List<Contact> byUser(Connection c, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts WHERE user_name = ?"
                + " ORDER BY device_name, device_id")) {
            s.setString(1, user);
            return read(s);
        }
    }

    private static List<Contact> read(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            List<Contact> contacts = new ArrayList<>();
            while (r.next()) {
                contacts.add(new Contact(new DeviceId(r.getObject("device_id", UUID.class)), r.getString("user_name"),
                        r.getString("device_name"), r.getBoolean("online"), services(r.getString("services")),
                        Columns.instant(r, "last_seen")));
            }
            return contacts;
        }
    }

    static String services(Map<Service, QosClass> services) {
        StringJoiner text = new StringJoiner(",");
        Map<Service, QosClass> ordered = new EnumMap<>(Service.class);
        ordered.putAll(services);
        ordered.forEach((service, qos) -> text.add(service.name() + "=" + qos.name()));
        return text.toString();
    }

    static Map<Service, QosClass> services(String text) throws SQLException {
        Map<Service, QosClass> services = new EnumMap<>(Service.class);
        if (text.isEmpty()) {
            return services;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            try {
                services.put(Service.valueOf(pair.substring(0, Math.max(equals, 0))), QosClass.valueOf(pair.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                throw new SQLException("unreadable services in the contacts table: " + text, "XX001", e);
            }
        }
        return services;
    }
}
