package io.ngisec.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Table {@code audit_log}, append-only: this class (the only one touching it) inserts and reads,
 * nothing else. The database numbers entries; numbers increase in insertion order but may have
 * gaps (a rolled-back insert consumes one).
 */
final class AuditTable {

    private AuditTable() {
    }

    /** Appends the entries in order; their {@code sequence} is ignored (the database assigns them). */
    static void append(Connection c, List<AuditRecord> records) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_log (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (AuditRecord record : records) {
                SqlValues.setInstant(s, 1, record.at());
                s.setString(2, record.actor());
                s.setString(3, record.action());
                s.setString(4, record.subject());
                s.setString(5, record.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Entries at or after {@code since}, in sequence order. */
    static List<AuditRecord> since(Connection c, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, occurred_at, actor, action, subject, detail"
                + " FROM audit_log WHERE occurred_at >= ? ORDER BY seq")) {
            SqlValues.setInstant(s, 1, since);
            try (ResultSet r = s.executeQuery()) {
                List<AuditRecord> records = new ArrayList<>();
                while (r.next()) {
                    records.add(new AuditRecord(r.getLong("seq"), SqlValues.instant(r, "occurred_at"),
                            r.getString("actor"), r.getString("action"), r.getString("subject"),
                            r.getString("detail")));
                }
                return records;
            }
        }
    }
}
