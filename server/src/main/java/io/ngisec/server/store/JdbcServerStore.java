package io.ngisec.server.store;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.store.StoreException.Reason;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ServerStore} on JDBC: an embedded H2 file (the default, see {@link #h2FileUrl}) or
 * PostgreSQL. Opening applies the schema migrations. Thread safe: each call borrows a pooled
 * connection, except inside {@link #inTransaction}, where every call on the same thread uses the
 * transaction's connection; a failure inside a transaction, even one the work catches, rolls back
 * all of it. Instants are kept to the microsecond: values read back are the written ones truncated.
 *
 * <p>Crash safety: PostgreSQL is durable on commit. An H2 file survives the process being killed
 * at any point (its MVStore writes append-only chunks; a torn write is ignored at the next open),
 * and, because opening sets {@code WRITE_DELAY 0}, every committed transaction is in the file (in
 * the OS's cache) before commit returns; only a power loss can take the last ones.
 */
public final class JdbcServerStore implements ServerStore {

    /** Connections kept by {@link #open(String, String, String)}. */
    public static final int DEFAULT_POOL_SIZE = 8;

    /** Most audit entries one shared commit carries. */
    private static final int AUDIT_BATCH = 256;

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final GroupCommit<AuditRecord> auditCommits = new GroupCommit<>(this::appendAudit, AUDIT_BATCH,
            "ngisec-audit-writer");

    /** The connection of a transaction in progress on one thread, and what went wrong in it. */
    private static final class Transaction {
        final Connection connection;
        StoreException firstFailure;
        boolean broken;

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    private JdbcServerStore(ConnectionPool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens the store with {@value #DEFAULT_POOL_SIZE} connections at most; see {@link #open(String, String, String, int)}. */
    public static JdbcServerStore open(String jdbcUrl, String user, String password) throws StoreException {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}; user and
     * password may be null) and brings its schema up to date. Fails with {@link Reason#SCHEMA} for
     * another kind of database or a schema it cannot migrate, {@link Reason#UNAVAILABLE} if it
     * cannot connect.
     */
    public static JdbcServerStore open(String jdbcUrl, String user, String password, int poolSize)
            throws StoreException {
        Dialect dialect = Dialect.of(jdbcUrl).orElseThrow(() -> new StoreException(Reason.SCHEMA,
                "store: unsupported database (use a jdbc:h2: or jdbc:postgresql: URL)", null));
        ConnectionPool pool = new ConnectionPool(jdbcUrl, dialect.connectionProperties(), user, password,
                poolSize);
        try {
            Connection connection = pool.borrow();
            boolean broken = true;
            try {
                Migrations.apply(connection, dialect);
                dialect.prepare(connection);
                broken = false;
            } finally {
                pool.release(connection, broken);
            }
            return new JdbcServerStore(pool, dialect);
        } catch (StoreException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The URL of the embedded H2 database in {@code file} (H2 adds {@code .mv.db} to the name). */
    public static String h2FileUrl(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("an H2 database path cannot contain ';'");
        }
        return "jdbc:h2:file:" + path;
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) throws StoreException {
        Objects.requireNonNull(work, "work");
        Transaction outer = current.get();
        if (outer != null) {
            try {
                return work.run(this);
            } catch (StoreException e) {
                fail(outer, e);
                throw e;
            } catch (RuntimeException | Error e) {
                fail(outer, new StoreException(Reason.FAILED, "store: the work failed", e));
                throw e;
            }
        }
        Transaction tx = new Transaction(pool.borrow());
        current.set(tx);
        boolean committed = false;
        try {
            T result = work.run(this);
            if (tx.firstFailure != null) {
                throw new StoreException(tx.firstFailure.reason(),
                        "store: an operation in the transaction failed, so none of it was kept", tx.firstFailure);
            }
            tx.connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            tx.broken |= SqlErrors.breaksConnection(e);
            throw SqlErrors.map("commit", e);
        } finally {
            current.remove();
            if (!committed) {
                try {
                    tx.connection.rollback();
                } catch (SQLException e) {
                    tx.broken = true;
                }
            }
            pool.release(tx.connection, tx.broken);
        }
    }

    private static void fail(Transaction tx, StoreException e) {
        if (tx.firstFailure == null) {
            tx.firstFailure = e;
        }
    }

    /** Runs {@code work} in the current transaction, or in one of its own. */
    private <T> T sql(String operation, SqlWork<T> work) throws StoreException {
        return inTransaction(store -> {
            Transaction tx = current.get();
            try {
                return work.run(tx.connection);
            } catch (SQLException e) {
                tx.broken |= SqlErrors.breaksConnection(e);
                throw SqlErrors.map(operation, e);
            }
        });
    }

    // Users

    @Override
    public void upsertUser(String name, List<String> groups, Instant now) throws StoreException {
        Objects.requireNonNull(name, "name");
        List<String> copy = List.copyOf(groups);
        sql("save a user", c -> {
            UserTable.upsert(c, dialect, name, copy, Objects.requireNonNull(now, "now"));
            return null;
        });
    }

    @Override
    public Optional<StoredUser> user(String name) throws StoreException {
        return sql("read a user", c -> UserTable.find(c, name));
    }

    @Override
    public List<StoredUser> users() throws StoreException {
        return sql("list users", UserTable::all);
    }

    // Invites

    @Override
    public void addInvite(StoredInvite invite) throws StoreException {
        Objects.requireNonNull(invite, "invite");
        sql("add an invite", c -> {
            InviteTable.insert(c, invite);
            return null;
        });
    }

    @Override
    public Optional<StoredInvite> invite(String id) throws StoreException {
        return sql("read an invite", c -> InviteTable.find(c, id));
    }

    @Override
    public boolean consumeInvite(String id, Instant now) throws StoreException {
        Objects.requireNonNull(now, "now");
        return sql("use an invite", c -> InviteTable.consume(c, id, now));
    }

    @Override
    public int recentFailures(String source, Instant since) throws StoreException {
        Objects.requireNonNull(since, "since");
        return sql("count enrollment failures", c -> FailureTable.count(c, source, since));
    }

    @Override
    public void recordFailure(String source, Instant at) throws StoreException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        sql("record an enrollment failure", c -> {
            FailureTable.insert(c, source, at);
            return null;
        });
    }

    // Devices

    @Override
    public void addDevice(StoredDevice device) throws StoreException {
        Objects.requireNonNull(device, "device");
        sql("add a device", c -> {
            DeviceTable.insert(c, device);
            return null;
        });
    }

    @Override
    public Optional<StoredDevice> device(DeviceId id) throws StoreException {
        Objects.requireNonNull(id, "id");
        return sql("read a device", c -> DeviceTable.find(c, id));
    }

    @Override
    public List<StoredDevice> devices() throws StoreException {
        return sql("list devices", DeviceTable::all);
    }

    /** Records a renewed certificate (and Noise key, unless null); {@link Reason#NOT_FOUND} if the device is unknown or revoked. */
    @Override
    public void updateCertificate(DeviceId id, BigInteger serial, Instant notAfter, byte[] noiseKey)
            throws StoreException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notAfter, "notAfter");
        sql("renew a certificate", c -> {
            if (!DeviceTable.updateCertificate(c, id, serial, notAfter, noiseKey)) {
                throw new StoreException(Reason.NOT_FOUND, "store: no live device to renew", null);
            }
            return null;
        });
    }

    @Override
    public boolean revokeDevice(DeviceId id, Instant at) throws StoreException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return sql("revoke a device", c -> DeviceTable.revoke(c, id, at));
    }

    @Override
    public List<StoredDevice> revokedDevices() throws StoreException {
        return sql("list revocations", DeviceTable::revoked);
    }

    // Policy

    @Override
    public PolicyRecord savePolicy(String text, String actor, Instant at) throws StoreException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        return sql("save the policy", c -> PolicyTable.save(c, text, actor, at));
    }

    @Override
    public Optional<PolicyRecord> currentPolicy() throws StoreException {
        return sql("read the policy", PolicyTable::current);
    }

    @Override
    public List<PolicyRecord> policies() throws StoreException {
        return sql("list policy versions", PolicyTable::all);
    }

    // Audit

    /**
     * Appends the entry; its {@code sequence} is ignored: the database numbers entries in insertion
     * order. Inside a transaction the entry is part of it; alone, it returns once committed, and
     * entries appended concurrently share one commit (an authorization audits every decision, and a
     * commit per decision would cap the server at what the disk commits per second).
     */
    @Override
    public void audit(AuditRecord record) throws StoreException {
        Objects.requireNonNull(record, "record");
        if (current.get() != null) {
            appendAudit(List.of(record));
        } else {
            auditCommits.submit(record);
        }
    }

    private void appendAudit(List<AuditRecord> records) throws StoreException {
        sql("append to the audit log", c -> {
            AuditTable.append(c, records);
            return null;
        });
    }

    /** Entries at or after {@code since}, in sequence order. */
    @Override
    public List<AuditRecord> audit(Instant since) throws StoreException {
        Objects.requireNonNull(since, "since");
        return sql("read the audit log", c -> AuditTable.since(c, since));
    }

    // Presence

    @Override
    public void setPresence(DeviceId device, String instanceId, boolean online) throws StoreException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(instanceId, "instanceId");
        sql("record presence", c -> {
            if (online) {
                PresenceTable.add(c, dialect, device, instanceId);
            } else {
                PresenceTable.remove(c, device, instanceId);
            }
            return null;
        });
    }

    @Override
    public boolean isOnline(DeviceId device) throws StoreException {
        Objects.requireNonNull(device, "device");
        return sql("read presence", c -> PresenceTable.isOnline(c, device));
    }

    @Override
    public Set<DeviceId> online() throws StoreException {
        return sql("list presence", PresenceTable::online);
    }

    @Override
    public void clearPresence(String instanceId) throws StoreException {
        Objects.requireNonNull(instanceId, "instanceId");
        sql("clear presence", c -> {
            PresenceTable.clear(c, instanceId);
            return null;
        });
    }

    /** Closes idle connections now, borrowed ones as they come back; later calls fail as {@link Reason#UNAVAILABLE}. */
    @Override
    public void close() {
        auditCommits.close();
        pool.close();
    }
}
