package io.ngisec.client.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ngisec.client.call.CallStats;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code call_log} table: the latest record of each call, on or ended, with its statistics as JSON. */
public final class CallLogTable {

    private static final String COLUMNS = "call_id, peer_user, peer_device, outgoing, started_at, updated_at, "
            + "ended_at, end_reason, end_message, stats";
    // Statistics written by a newer version may carry fields this one does not know: read what it knows.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final PeerDatabase database;

    public CallLogTable(PeerDatabase database) {
        this.database = database;
    }

    /** Inserts or replaces the row of {@code r.callId()}. */
    public void save(CallRecord r) throws StoreException {
        String stats = r.stats().map(CallLogTable::json).orElse(null);
        database.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("MERGE INTO call_log (" + COLUMNS
                    + ") KEY (call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, r.callId());
                p.setString(2, r.peerUser());
                p.setString(3, r.peerDevice());
                p.setBoolean(4, r.outgoing());
                p.setTimestamp(5, Timestamp.from(r.startedAt()));
                p.setTimestamp(6, Timestamp.from(r.updatedAt()));
                p.setTimestamp(7, r.endedAt().map(Timestamp::from).orElse(null));
                p.setString(8, r.endReason().orElse(null));
                p.setString(9, r.endMessage().map(m -> m.length() > 500 ? m.substring(0, 500) : m).orElse(null));
                p.setString(10, stats != null && stats.length() <= 4000 ? stats : null);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The {@code limit} most recently started calls, newest first; {@code peerUser} filters when present. */
    public List<CallRecord> recent(Optional<String> peerUser, int limit) throws StoreException {
        return database.transaction(c -> {
            String sql = "SELECT " + COLUMNS + " FROM call_log" + (peerUser.isPresent() ? " WHERE peer_user = ?" : "")
                    + " ORDER BY started_at DESC LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                if (peerUser.isPresent()) {
                    p.setString(i++, peerUser.get());
                }
                p.setInt(i, limit);
                List<CallRecord> rows = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static CallRecord read(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new CallRecord(rs.getString("call_id"), rs.getString("peer_user"), rs.getString("peer_device"),
                rs.getBoolean("outgoing"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), Optional.ofNullable(ended).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("end_reason")), Optional.ofNullable(rs.getString("end_message")),
                Optional.ofNullable(rs.getString("stats")).flatMap(CallLogTable::stats));
    }

    private static String json(CallStats s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call statistics always serialize", e);
        }
    }

    private static Optional<CallStats> stats(String json) {
        try {
            return Optional.of(JSON.readValue(json, CallStats.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a row from an incompatible version: show the call without numbers
        }
    }
}
