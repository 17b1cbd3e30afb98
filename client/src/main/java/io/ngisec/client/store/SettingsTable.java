package io.ngisec.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Table {@code settings}: the peer's named settings, text values. Call inside a {@link PeerDatabase#transaction}. */
public final class SettingsTable {

    private SettingsTable() {
    }

    /** The value of {@code name}, or empty if it was never set. */
    public static Optional<String> get(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM settings WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets {@code name} to {@code value}, replacing any previous value. */
    public static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO settings (name, setting_value) KEY (name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    /** Removes {@code name}; whether it was set. */
    public static boolean remove(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM settings WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        }
    }
}
