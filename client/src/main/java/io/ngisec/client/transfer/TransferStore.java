package io.ngisec.client.transfer;

import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The transfer tables of the peer database (V2__transfers.sql): transfers, their entries, verified chunks. */
final class TransferStore {

    private static final String ENTRY_COLUMNS = "e.id, e.transfer_id, e.entry_index, e.relative_path, e.size, e.sha256, e.local_path, e.completed";

    private final PeerDatabase db;
    private final Clock clock;

    TransferStore(PeerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void insertTransfer(TransferRecord t) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO transfers (id, direction, peer_user, peer_device, state, reason, "
                    + "total_bytes, created_at, updated_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, t.id().value());
                s.setString(2, t.direction().name());
                s.setString(3, t.peerUser());
                s.setObject(4, t.peerDevice().value());
                s.setString(5, t.state().name());
                s.setString(6, t.reason());
                s.setLong(7, t.totalBytes());
                s.setObject(8, time(t.createdAt()));
                s.setObject(9, time(t.updatedAt()));
                s.setString(10, ProcessOwner.CURRENT);
                s.executeUpdate();
            }
            return null;
        });
    }

    boolean exists(TransferId id) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM transfers WHERE id = ?")) {
                s.setObject(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void updateState(TransferId id, TransferState state, String reason) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transfers SET state = ?, reason = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setString(2, reason);
                s.setObject(3, time(clock.instant()));
                s.setObject(4, id.value());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * After a restart, the unfinished transfers of processes that are gone become INTERRUPTED;
     * those of another live process of the same home (a {@code listen} while {@code send} starts)
     * are its own and stay as they are.
     */
    int interruptUnfinished(String reason) throws StoreException {
        return db.transaction(c -> {
            List<UUID> orphans = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, owner FROM transfers "
                    + "WHERE state IN ('OFFERED', 'ACCEPTED', 'TRANSFERRING', 'PAUSED')");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!ProcessOwner.isAlive(rs.getString(2))) {
                        orphans.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE transfers SET state = 'INTERRUPTED', reason = ?, updated_at = ? "
                    + "WHERE id = ?")) {
                for (UUID id : orphans) {
                    s.setString(1, reason);
                    s.setObject(2, time(clock.instant()));
                    s.setObject(3, id);
                    s.executeUpdate();
                }
            }
            return orphans.size();
        });
    }

    /** Inserts an entry; returns its id. */
    long insertEntry(TransferId transfer, TransferEntry entry, Path localPath, boolean completed) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO transfer_entries (transfer_id, entry_index, relative_path, size, "
                    + "sha256, local_path, completed) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setObject(1, transfer.value());
                s.setInt(2, entry.index());
                s.setString(3, entry.relativePath());
                s.setLong(4, entry.size());
                s.setString(5, entry.sha256());
                s.setString(6, localPath.toString());
                s.setBoolean(7, completed);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * The newest entry of an unfinished (INTERRUPTED or FAILED) incoming transfer from {@code peer}
     * with this path, size and hash, other than {@code exclude}: what a re-offer resumes.
     */
    Optional<StoredEntry> findResumable(DeviceId peer, TransferEntry entry, TransferId exclude) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM transfer_entries e JOIN transfers t "
                    + "ON e.transfer_id = t.id WHERE t.direction = 'INCOMING' AND t.peer_device = ? AND t.state IN ('INTERRUPTED', 'FAILED') "
                    + "AND t.id <> ? AND e.relative_path = ? AND e.size = ? AND e.sha256 = ? ORDER BY t.updated_at DESC, e.id DESC LIMIT 1")) {
                s.setObject(1, peer.value());
                s.setObject(2, exclude.value());
                s.setString(3, entry.relativePath());
                s.setLong(4, entry.size());
                s.setString(5, entry.sha256());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Moves an entry (with its verified chunks) to another transfer; deletes the old transfer if it has no entries left. */
    void moveEntry(StoredEntry stored, TransferId to, int index) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transfer_entries SET transfer_id = ?, entry_index = ? WHERE id = ?")) {
                s.setObject(1, to.value());
                s.setInt(2, index);
                s.setLong(3, stored.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM transfers WHERE id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM transfer_entries WHERE transfer_id = ?)")) {
                s.setObject(1, stored.transfer().value());
                s.setObject(2, stored.transfer().value());
                s.executeUpdate();
            }
            return null;
        });
    }

    List<StoredEntry> entries(TransferId transfer) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM transfer_entries e WHERE e.transfer_id = ? "
                    + "ORDER BY e.entry_index")) {
                s.setObject(1, transfer.value());
                List<StoredEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            }
        });
    }

    void setLocalPath(long entryId, Path localPath, boolean completed) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transfer_entries SET local_path = ?, completed = ? WHERE id = ?")) {
                s.setString(1, localPath.toString());
                s.setBoolean(2, completed);
                s.setLong(3, entryId);
                s.executeUpdate();
            }
            return null;
        });
    }

    BitSet verifiedChunks(long entryId) throws StoreException {
        return db.transaction(c -> {
            BitSet out = new BitSet();
            try (PreparedStatement s = c.prepareStatement("SELECT chunk_index FROM verified_chunks WHERE entry_id = ?")) {
                s.setLong(1, entryId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.set(Math.toIntExact(rs.getLong(1)));
                    }
                }
            }
            return out;
        });
    }

    /** Records chunks as verified; call only after their bytes are synced to disk. */
    void recordVerified(Map<Long, List<Long>> chunksByEntry) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO verified_chunks (entry_id, chunk_index) KEY (entry_id, chunk_index) VALUES (?, ?)")) {
                for (Map.Entry<Long, List<Long>> e : chunksByEntry.entrySet()) {
                    for (long chunk : e.getValue()) {
                        s.setLong(1, e.getKey());
                        s.setLong(2, chunk);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            return null;
        });
    }

    void clearVerified(long entryId) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM verified_chunks WHERE entry_id = ?")) {
                s.setLong(1, entryId);
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<TransferRecord> find(TransferId id) throws StoreException {
        List<TransferRecord> found = query("WHERE id = ?", c -> c.setObject(1, id.value()));
        return found.stream().findFirst();
    }

    /** Outgoing transfers to {@code peer} that stopped part-way (INTERRUPTED or FAILED), oldest first. */
    List<TransferRecord> resumableOutgoing(DeviceId peer) throws StoreException {
        return query("WHERE direction = 'OUTGOING' AND peer_device = ? AND state IN ('INTERRUPTED', 'FAILED') ORDER BY created_at",
                s -> s.setObject(1, peer.value()));
    }

    /** The newest {@code limit} transfers, newest first. */
    List<TransferRecord> recent(int limit) throws StoreException {
        return query("ORDER BY created_at DESC LIMIT ?", s -> s.setInt(1, limit));
    }

    void delete(TransferId id) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM transfers WHERE id = ?")) {
                s.setObject(1, id.value());
                s.executeUpdate();
            }
            return null;
        });
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<TransferRecord> query(String where, Binder binder) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, direction, peer_user, peer_device, state, reason, total_bytes, "
                    + "created_at, updated_at FROM transfers " + where)) {
                binder.bind(s);
                List<TransferRecord> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TransferRecord(new TransferId(rs.getObject(1, UUID.class)), Direction.valueOf(rs.getString(2)),
                                rs.getString(3), new DeviceId(rs.getObject(4, UUID.class)), TransferState.valueOf(rs.getString(5)),
                                rs.getString(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                rs.getObject(9, OffsetDateTime.class).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    private static StoredEntry entry(ResultSet rs) throws SQLException {
        return new StoredEntry(rs.getLong(1), new TransferId(rs.getObject(2, UUID.class)),
                new TransferEntry(rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6)), Path.of(rs.getString(7)), rs.getBoolean(8));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
