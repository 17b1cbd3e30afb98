package io.ngisec.client.store;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tables {@code identity} (one row at most) and {@code ticket_signers}: the enrolled identity
 * without its private keys. Only this class touches them; call it inside one
 * {@link PeerDatabase#transaction}.
 */
public final class IdentityTable {

    private IdentityTable() {
    }

    /**
     * Stores {@code identity} (its keys are ignored) in place of any previous one. The same device
     * saved again keeps its enrollment time and, if the certificate changed, counts as renewed at
     * {@code at}; another device counts as enrolled at {@code at}.
     */
    public static StoredIdentity save(Connection c, EnrolledIdentity identity, Instant at) throws SQLException {
        Optional<StoredIdentity> previous = load(c);
        boolean sameDevice = previous.isPresent() && previous.get().isSameDevice(identity);
        Instant enrolledAt = sameDevice ? previous.get().enrolledAt() : Columns.truncate(at);
        Instant renewedAt = !sameDevice ? null
                : Arrays.equals(previous.get().deviceCertificate(), identity.deviceCertificate())
                        ? previous.get().renewedAt() : Columns.truncate(at);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM identity");
            s.executeUpdate("DELETE FROM ticket_signers");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO identity (device_id, user_name, groups_json,"
                + " device_name, server_url, ca_fingerprint, ca_certificate, device_certificate, enrolled_at, renewed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, identity.deviceId().value());
            s.setString(2, identity.user());
            s.setString(3, Columns.names(identity.groups()));
            s.setString(4, identity.deviceName());
            s.setString(5, identity.server().toString());
            s.setString(6, identity.caFingerprint().hex());
            s.setBytes(7, identity.caCertificate());
            s.setBytes(8, identity.deviceCertificate());
            Columns.setInstant(s, 9, enrolledAt);
            Columns.setInstant(s, 10, renewedAt);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ticket_signers (position, certificate) VALUES (?, ?)")) {
            for (int i = 0; i < identity.ticketSigners().size(); i++) {
                s.setInt(1, i);
                s.setBytes(2, identity.ticketSigners().get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        return new StoredIdentity(identity.deviceId(), identity.user(), identity.groups(), identity.deviceName(),
                identity.server(), identity.caFingerprint(), identity.caCertificate(), identity.deviceCertificate(),
                identity.ticketSigners(), enrolledAt, renewedAt);
    }

    /** The stored identity, or empty if this home has not enrolled. */
    public static Optional<StoredIdentity> load(Connection c) throws SQLException {
        List<byte[]> signers = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT certificate FROM ticket_signers ORDER BY position")) {
            while (r.next()) {
                signers.add(r.getBytes(1));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT device_id, user_name, groups_json, device_name, server_url,"
                        + " ca_fingerprint, ca_certificate, device_certificate, enrolled_at, renewed_at FROM identity")) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredIdentity(new DeviceId(r.getObject("device_id", UUID.class)),
                    r.getString("user_name"), Columns.names(r, "groups_json"), r.getString("device_name"),
                    uri(r.getString("server_url")), fingerprint(r.getString("ca_fingerprint")),
                    r.getBytes("ca_certificate"), r.getBytes("device_certificate"), signers,
                    Columns.instant(r, "enrolled_at"), Columns.instant(r, "renewed_at")));
        }
    }

    private static URI uri(String text) throws SQLException {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new SQLException("unreadable server URL in the identity table", "XX001", e);
        }
    }

    private static Fingerprint fingerprint(String hex) throws SQLException {
        try {
            return Fingerprint.parse(hex);
        } catch (IllegalArgumentException e) {
            throw new SQLException("unreadable CA fingerprint in the identity table", "XX001", e);
        }
    }
}
