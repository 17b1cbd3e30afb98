package io.ngisec.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Table {@code enrollment_failures}: failed enrollment attempts by source, for rate limiting. */
final class FailureTable {

    private FailureTable() {
    }

    static void insert(Connection c, String source, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO enrollment_failures (source, failed_at) VALUES (?, ?)")) {
            s.setString(1, source);
            SqlValues.setInstant(s, 2, at);
            s.executeUpdate();
        }
    }

    /** Failures from {@code source} at or after {@code since}. */
    static int count(Connection c, String source, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM enrollment_failures WHERE source = ? AND failed_at >= ?")) {
            s.setString(1, source);
            SqlValues.setInstant(s, 2, since);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return (int) Math.min(r.getLong(1), Integer.MAX_VALUE);
            }
        }
    }
}
