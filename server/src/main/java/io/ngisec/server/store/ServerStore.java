package io.ngisec.server.store;

import io.ngisec.protocol.identity.DeviceId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policy server's persistent state, behind JDBC (H2 embedded or PostgreSQL), with schema
 * migrations applied on open. Every method is one transaction unless it runs inside
 * {@link #inTransaction}; a refused request writes nothing. Thread safe.
 */
public interface ServerStore extends AutoCloseable {

    /** Runs {@code work} in one transaction: all its writes commit together or not at all. */
    <T> T inTransaction(TransactionWork<T> work) throws StoreException;

    // Users

    void upsertUser(String name, List<String> groups, Instant now) throws StoreException;

    Optional<StoredUser> user(String name) throws StoreException;

    List<StoredUser> users() throws StoreException;

    // Invites: the secret is stored only as its SHA-256.

    void addInvite(StoredInvite invite) throws StoreException;

    Optional<StoredInvite> invite(String id) throws StoreException;

    /** Marks the invite used at {@code now} if it is unused and unexpired; false otherwise (atomic). */
    boolean consumeInvite(String id, Instant now) throws StoreException;

    /** Failed enrollment attempts from {@code source} since {@code since} (for rate limiting). */
    int recentFailures(String source, Instant since) throws StoreException;

    void recordFailure(String source, Instant at) throws StoreException;

    // Devices

    void addDevice(StoredDevice device) throws StoreException;

    Optional<StoredDevice> device(DeviceId id) throws StoreException;

    List<StoredDevice> devices() throws StoreException;

    void updateCertificate(DeviceId id, BigInteger serial, Instant notAfter, byte[] noiseKey) throws StoreException;

    /** Revokes the device (and so every certificate it holds); false if unknown or already revoked. */
    boolean revokeDevice(DeviceId id, Instant at) throws StoreException;

    /** Revocations so far: revoked device ids and the serials of their last certificates. */
    List<StoredDevice> revokedDevices() throws StoreException;

    // Policy: every applied version is kept.

    PolicyRecord savePolicy(String text, String actor, Instant at) throws StoreException;

    Optional<PolicyRecord> currentPolicy() throws StoreException;

    /** Every applied policy version, oldest first. */
    default List<PolicyRecord> policies() throws StoreException {
        throw new UnsupportedOperationException("policies");
    }

    // Audit log, append-only.

    void audit(AuditRecord record) throws StoreException;

    List<AuditRecord> audit(Instant since) throws StoreException;

    // Presence: which server instance holds a signaling connection of which device. Shared by all
    // instances on one database, so each knows who is online anywhere. An instance clears its own
    // entries when it starts and stops; entries of an instance that died stay until it restarts
    // with the same id, so instance ids should be stable (e.g. host name and port).
    // (Defaults only so that test doubles written before these methods still compile.)

    /** Records that {@code device} is (or is no longer) connected to {@code instanceId}. Idempotent. */
    default void setPresence(DeviceId device, String instanceId, boolean online) throws StoreException {
        throw new UnsupportedOperationException("setPresence");
    }

    /** True if {@code device} is connected to at least one instance. */
    default boolean isOnline(DeviceId device) throws StoreException {
        throw new UnsupportedOperationException("isOnline");
    }

    /** The devices connected to at least one instance. */
    default Set<DeviceId> online() throws StoreException {
        throw new UnsupportedOperationException("online");
    }

    /** Forgets every device connected to {@code instanceId}. */
    default void clearPresence(String instanceId) throws StoreException {
        throw new UnsupportedOperationException("clearPresence");
    }

    @Override
    void close();

    /** Work done in one transaction against the same store. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(ServerStore store) throws StoreException;
    }
}
