package io.ngisec.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code users}: name, groups, when first seen. */
final class UserTable {

    private static final String COLUMNS = "name, groups_json, created_at";

    private UserTable() {
    }

    /** Creates the user, or replaces the groups of an existing one (keeping its creation time). */
    static void upsert(Connection c, Dialect dialect, String name, List<String> groups, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.upsertUser())) {
            s.setString(1, name);
            s.setString(2, SqlValues.groups(groups));
            SqlValues.setInstant(s, 3, now);
            s.executeUpdate();
        }
    }

    static Optional<StoredUser> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    static List<StoredUser> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY name");
                ResultSet r = s.executeQuery()) {
            List<StoredUser> users = new ArrayList<>();
            while (r.next()) {
                users.add(read(r));
            }
            return users;
        }
    }

    private static StoredUser read(ResultSet r) throws SQLException {
        return new StoredUser(r.getString("name"), SqlValues.groups(r, "groups_json"),
                SqlValues.instant(r, "created_at"));
    }
}
