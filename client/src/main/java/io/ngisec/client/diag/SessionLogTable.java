package io.ngisec.client.diag;

import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code session_log} table: the latest summary of each session, live or ended. */
public final class SessionLogTable {

    private static final String COLUMNS = "session_id, peer_user, peer_device, peer_name, peer_fingerprint, initiator, "
            + "started_at, updated_at, ended_at, end_reason, local_type, local_address, remote_type, remote_address, "
            + "pmtu, cipher, srtt_micros, min_rtt_micros, loss_rate, bytes_sent, bytes_received, send_rate, "
            + "receive_rate, congestion_window, classes, drops";

    private final PeerDatabase database;

    public SessionLogTable(PeerDatabase database) {
        this.database = database;
    }

    /** Inserts or replaces the row of {@code s.sessionId()}. */
    public void save(SessionSummary s) throws StoreException {
        database.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("MERGE INTO session_log (" + COLUMNS
                    + ") KEY (session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                p.setString(i++, s.sessionId());
                p.setString(i++, s.peerUser());
                p.setString(i++, s.peerDevice());
                p.setString(i++, s.peerName());
                p.setString(i++, s.peerFingerprint());
                p.setBoolean(i++, s.initiator());
                p.setTimestamp(i++, Timestamp.from(s.startedAt()));
                p.setTimestamp(i++, Timestamp.from(s.updatedAt()));
                p.setTimestamp(i++, s.endedAt().map(Timestamp::from).orElse(null));
                p.setString(i++, s.endReason().map(r -> r.length() > 500 ? r.substring(0, 500) : r).orElse(null));
                p.setString(i++, s.localType());
                p.setString(i++, s.localAddress());
                p.setString(i++, s.remoteType());
                p.setString(i++, s.remoteAddress());
                p.setInt(i++, s.pmtu());
                p.setString(i++, s.cipher());
                p.setLong(i++, s.smoothedRtt().toNanos() / 1000);
                p.setLong(i++, s.minRtt().toNanos() / 1000);
                p.setDouble(i++, s.lossRate());
                p.setLong(i++, s.bytesSent());
                p.setLong(i++, s.bytesReceived());
                p.setDouble(i++, s.sendRate());
                p.setDouble(i++, s.receiveRate());
                p.setLong(i++, s.congestionWindow());
                p.setString(i++, s.classes().length() > 1000 ? s.classes().substring(0, 1000) : s.classes());
                p.setLong(i, s.drops());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The {@code limit} most recently started sessions, newest first; {@code peerUser} filters when present. */
    public List<SessionSummary> recent(Optional<String> peerUser, int limit) throws StoreException {
        return database.transaction(c -> {
            String sql = "SELECT " + COLUMNS + " FROM session_log"
                    + (peerUser.isPresent() ? " WHERE peer_user = ?" : "") + " ORDER BY started_at DESC LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                if (peerUser.isPresent()) {
                    p.setString(i++, peerUser.get());
                }
                p.setInt(i, limit);
                List<SessionSummary> rows = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(row(r));
                    }
                }
                return rows;
            }
        });
    }

    private static SessionSummary row(ResultSet r) throws SQLException {
        Timestamp ended = r.getTimestamp("ended_at");
        return new SessionSummary(r.getString("session_id"), r.getString("peer_user"), r.getString("peer_device"),
                r.getString("peer_name"), r.getString("peer_fingerprint"), r.getBoolean("initiator"),
                r.getTimestamp("started_at").toInstant(), r.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(ended).map(Timestamp::toInstant), Optional.ofNullable(r.getString("end_reason")),
                r.getString("local_type"), r.getString("local_address"), r.getString("remote_type"),
                r.getString("remote_address"), r.getInt("pmtu"), r.getString("cipher"),
                Duration.ofNanos(r.getLong("srtt_micros") * 1000), Duration.ofNanos(r.getLong("min_rtt_micros") * 1000),
                r.getDouble("loss_rate"), r.getLong("bytes_sent"), r.getLong("bytes_received"), r.getDouble("send_rate"),
                r.getDouble("receive_rate"), r.getLong("congestion_window"), r.getString("classes"), r.getLong("drops"));
    }
}
