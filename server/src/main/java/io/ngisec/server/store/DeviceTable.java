package io.ngisec.server.store;

import io.ngisec.protocol.identity.DeviceId;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code devices}: enrolled devices, their keys, current certificate and revocation. */
final class DeviceTable {

    private static final String COLUMNS =
            "id, user_name, name, signing_key, noise_key, serial, not_after, enrolled_at, revoked_at";

    private DeviceTable() {
    }

    static void insert(Connection c, StoredDevice d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, d.id().value());
            s.setString(2, d.user());
            s.setString(3, d.name());
            s.setBytes(4, d.signingKey());
            s.setBytes(5, d.noiseKey());
            s.setString(6, SqlValues.serial(d.serial()));
            SqlValues.setInstant(s, 7, d.certificateNotAfter());
            SqlValues.setInstant(s, 8, d.enrolled());
            SqlValues.setInstant(s, 9, d.revokedAt());
            s.executeUpdate();
        }
    }

    static Optional<StoredDevice> find(Connection c, DeviceId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE id = ?")) {
            s.setObject(1, id.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Every device in enrollment order. */
    static List<StoredDevice> all(Connection c) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM devices ORDER BY enrolled_at, id");
    }

    /** The revoked devices in revocation order. */
    static List<StoredDevice> revoked(Connection c) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM devices WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id");
    }

    /**
     * Records a renewed certificate (and the Noise key, unless null) of a device that is not
     * revoked; false if there is no such device.
     */
    static boolean updateCertificate(Connection c, DeviceId id, BigInteger serial, Instant notAfter, byte[] noiseKey)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE devices SET serial = ?, not_after = ?,"
                + " noise_key = COALESCE(?, noise_key) WHERE id = ? AND revoked_at IS NULL")) {
            s.setString(1, SqlValues.serial(serial));
            SqlValues.setInstant(s, 2, notAfter);
            s.setBytes(3, noiseKey);
            s.setObject(4, id.value());
            return s.executeUpdate() == 1;
        }
    }

    /** Revokes a device unless it already is; false if unknown or already revoked. */
    static boolean revoke(Connection c, DeviceId id, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            SqlValues.setInstant(s, 1, at);
            s.setObject(2, id.value());
            return s.executeUpdate() == 1;
        }
    }

    private static List<StoredDevice> list(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<StoredDevice> devices = new ArrayList<>();
            while (r.next()) {
                devices.add(read(r));
            }
            return devices;
        }
    }

    private static StoredDevice read(ResultSet r) throws SQLException {
        return new StoredDevice(new DeviceId(r.getObject("id", UUID.class)), r.getString("user_name"),
                r.getString("name"), r.getBytes("signing_key"), r.getBytes("noise_key"),
                SqlValues.serial(r, "serial"), SqlValues.instant(r, "not_after"),
                SqlValues.instant(r, "enrolled_at"), SqlValues.instant(r, "revoked_at"));
    }
}
