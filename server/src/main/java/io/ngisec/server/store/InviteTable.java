package io.ngisec.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Table {@code invites}: single-use enrollment invites, the secret only as its hash. */
final class InviteTable {

    private static final String COLUMNS = "id, secret_hash, user_name, groups_json, created_at, expires_at, used_at";

    private InviteTable() {
    }

    static void insert(Connection c, StoredInvite invite) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO invites (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, invite.id());
            s.setBytes(2, invite.secretHash());
            s.setString(3, invite.user());
            s.setString(4, SqlValues.groups(invite.groups()));
            SqlValues.setInstant(s, 5, invite.created());
            SqlValues.setInstant(s, 6, invite.expires());
            SqlValues.setInstant(s, 7, invite.usedAt());
            s.executeUpdate();
        }
    }

    static Optional<StoredInvite> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM invites WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredInvite(r.getString("id"), r.getBytes("secret_hash"),
                        r.getString("user_name"), SqlValues.groups(r, "groups_json"),
                        SqlValues.instant(r, "created_at"), SqlValues.instant(r, "expires_at"),
                        SqlValues.instant(r, "used_at")));
            }
        }
    }

    /**
     * Marks the invite used if it is unused and unexpired, in one statement: of two racing
     * callers the database lets exactly one update the row. True for that one.
     */
    static boolean consume(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?")) {
            SqlValues.setInstant(s, 1, now);
            s.setString(2, id);
            SqlValues.setInstant(s, 3, now);
            return s.executeUpdate() == 1;
        }
    }
}
