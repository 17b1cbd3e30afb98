package io.ngisec.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tables {@code policy_versions} (append-only: every applied policy) and {@code policy_head} (the
 * last version number). Saving increments the head first, so its row lock makes concurrent saves
 * take turns and versions run 1, 2, 3... without gaps or duplicates.
 */
final class PolicyTable {

    private static final String COLUMNS = "version, policy_text, actor, applied_at";

    private PolicyTable() {
    }

    static PolicyRecord save(Connection c, String text, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE policy_head SET version = version + 1 WHERE id = 1")) {
            if (s.executeUpdate() != 1) {
                throw new SQLException("policy_head has no row", "XX001");
            }
        }
        long version;
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM policy_head WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            version = r.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO policy_versions (" + COLUMNS
                + ") VALUES (?, ?, ?, ?)")) {
            s.setLong(1, version);
            s.setString(2, text);
            s.setString(3, actor);
            SqlValues.setInstant(s, 4, at);
            s.executeUpdate();
        }
        return new PolicyRecord(version, text, actor, SqlValues.truncate(at));
    }

    static Optional<PolicyRecord> current(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM policy_versions"
                + " WHERE version = (SELECT MAX(version) FROM policy_versions)");
                ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(read(r)) : Optional.empty();
        }
    }

    static List<PolicyRecord> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM policy_versions ORDER BY version");
                ResultSet r = s.executeQuery()) {
            List<PolicyRecord> all = new ArrayList<>();
            while (r.next()) {
                all.add(read(r));
            }
            return all;
        }
    }

    private static PolicyRecord read(ResultSet r) throws SQLException {
        return new PolicyRecord(r.getLong("version"), r.getString("policy_text"), r.getString("actor"),
                SqlValues.instant(r, "applied_at"));
    }
}
