package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.store.StoreException.Reason;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database under {@link JdbcServerStore} must show. Subclasses supply a fresh
 * database per test: {@link H2ServerStoreTest} always, {@link PostgresServerStoreTest} when
 * NGISEC_TEST_PG_URL is set.
 */
abstract class ServerStoreContract {

    /** Nanoseconds on purpose: the store keeps microseconds. */
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

    protected JdbcServerStore store;

    /** Creates the empty database the next {@link #open} connects to. */
    protected abstract void createDatabase() throws Exception;

    /** Opens a store on the test's database (again, after a close, to see what lasted). */
    protected abstract JdbcServerStore open() throws StoreException;

    /** A plain JDBC connection to the test's database, auto-commit on, to look behind the store. */
    protected abstract Connection connect() throws SQLException;

    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    final void openStore() throws Exception {
        createDatabase();
        store = open();
    }

    @AfterEach
    final void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase();
    }

    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static StoredDevice device(String user, String name, Instant enrolled) {
        return new StoredDevice(DeviceId.random(), user, name, bytes(44, 1), bytes(32, 2),
                new BigInteger(1, bytes(20, 0x7f)), enrolled.plus(Duration.ofDays(7)), enrolled, null);
    }

    static StoredInvite invite(String id, Instant expires) {
        return new StoredInvite(id, bytes(32, 9), "alice", List.of("eng", "ops"), T0, expires, null);
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    // Opening and migrations

    @Test
    void openingMigratesToTheLatestVersionOnceAndKeepsData() throws Exception {
        store.upsertUser("alice", List.of("eng"), T0);
        store.close();
        store = open();
        store.close();
        store = open();

        assertThat(store.user("alice")).isPresent();
        try (Connection c = connect()) {
            assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.latest());
        }
        assertThat(count("schema_version")).isEqualTo(Migrations.latest());
    }

    @Test
    void refusesAnEditedMigrationAndASchemaFromTheFuture() throws Exception {
        store.close();
        store = null;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        }
        assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SCHEMA));

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET checksum = '" + Migrations.all().get(0).checksum() + "'");
            s.executeUpdate("INSERT INTO schema_version (version, description, checksum, applied_at)"
                    + " VALUES (" + (Migrations.latest() + 1) + ", 'future', 'x', CURRENT_TIMESTAMP)");
        }
        assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SCHEMA));
    }

    @Test
    void aClosedStoreIsUnavailable() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.users()).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    // Users

    @Test
    void upsertCreatesThenReplacesGroupsKeepingCreation() throws Exception {
        assertThat(store.user("alice")).isEmpty();

        store.upsertUser("alice", List.of("eng", "ops"), T0);
        store.upsertUser("bob", List.of(), T0.plusSeconds(1));
        store.upsertUser("alice", List.of("sales"), T0.plusSeconds(60));

        assertThat(store.user("alice")).contains(new StoredUser("alice", List.of("sales"), micros(T0)));
        assertThat(store.users()).containsExactly(
                new StoredUser("alice", List.of("sales"), micros(T0)),
                new StoredUser("bob", List.of(), micros(T0.plusSeconds(1))));
    }

    @Test
    void userNamesAndGroupsAreStoredVerbatim() throws Exception {
        List<String> odd = List.of("quote\"s", "back\\slash", "ünïcödé ☎", "comma,semi;colon", "");
        store.upsertUser("Ōtani '; DROP TABLE users; --", odd, T0);

        assertThat(store.user("Ōtani '; DROP TABLE users; --").orElseThrow().groups()).isEqualTo(odd);
        assertThat(store.user("ōtani '; drop table users; --")).isEmpty();
    }

    // Invites

    @Test
    void inviteRoundTrips() throws Exception {
        StoredInvite invite = invite("inv-1", T0.plus(Duration.ofHours(24)));
        store.addInvite(invite);

        StoredInvite read = store.invite("inv-1").orElseThrow();
        assertThat(read.secretHash()).isEqualTo(invite.secretHash());
        assertThat(read).usingRecursiveComparison().ignoringFields("secretHash", "created", "expires")
                .isEqualTo(invite);
        assertThat(read.created()).isEqualTo(micros(T0));
        assertThat(read.expires()).isEqualTo(micros(T0.plus(Duration.ofHours(24))));
        assertThat(read.usedAt()).isNull();
        assertThat(store.invite("inv-2")).isEmpty();
    }

    @Test
    void anInviteIsUsedOnceAndNeverAfterItExpires() throws Exception {
        Instant expires = T0.plus(Duration.ofHours(1));
        store.addInvite(invite("a", expires));
        store.addInvite(invite("b", expires));
        store.addInvite(invite("c", expires));

        assertThat(store.consumeInvite("a", T0.plusSeconds(5))).isTrue();
        assertThat(store.consumeInvite("a", T0.plusSeconds(6))).isFalse();
        assertThat(store.invite("a").orElseThrow().usedAt()).isEqualTo(micros(T0.plusSeconds(5)));

        assertThat(store.consumeInvite("b", expires)).isFalse();            // expiry is exclusive
        assertThat(store.consumeInvite("b", expires.plusSeconds(1))).isFalse();
        assertThat(store.invite("b").orElseThrow().usedAt()).isNull();
        assertThat(store.consumeInvite("c", expires.minusNanos(1000))).isTrue();

        assertThat(store.consumeInvite("unknown", T0)).isFalse();
    }

    @Test
    void aDuplicateInviteIsAConflictWithoutSqlInTheMessage() throws Exception {
        store.addInvite(invite("dup", T0.plusSeconds(60)));

        assertThatThrownBy(() -> store.addInvite(invite("dup", T0.plusSeconds(90))))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                    assertThat(e.getMessage()).startsWith("store: could not add an invite")
                            .doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("invites (")
                            .doesNotContain("dup");
                });
        assertThat(store.invite("dup").orElseThrow().expires()).isEqualTo(micros(T0.plusSeconds(60)));
    }

    @Test
    void ofRacingConsumersExactlyOneWins() throws Exception {
        int rounds = 20;
        int racers = 4;
        for (int i = 0; i < rounds; i++) {
            store.addInvite(invite("race-" + i, T0.plus(Duration.ofHours(1))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < rounds; i++) {
                String id = "race-" + i;
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int r = 0; r < racers; r++) {
                    Instant now = T0.plusSeconds(r);
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.consumeInvite(id, now);
                    }));
                }
                int wins = 0;
                for (Future<Boolean> f : results) {
                    wins += f.get() ? 1 : 0;
                }
                assertThat(wins).as("winners of %s", id).isEqualTo(1);
                assertThat(store.invite(id).orElseThrow().usedAt()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // Enrollment failures

    @Test
    void failuresAreCountedPerSourceSinceAnInstant() throws Exception {
        store.recordFailure("10.0.0.1", T0);
        store.recordFailure("10.0.0.1", T0.plusSeconds(10));
        store.recordFailure("10.0.0.1", T0.plusSeconds(20));
        store.recordFailure("10.0.0.2", T0.plusSeconds(20));

        assertThat(store.recentFailures("10.0.0.1", T0)).isEqualTo(3);
        assertThat(store.recentFailures("10.0.0.1", T0.plusSeconds(10))).isEqualTo(2);
        assertThat(store.recentFailures("10.0.0.1", T0.plusSeconds(21))).isZero();
        assertThat(store.recentFailures("10.0.0.2", T0)).isEqualTo(1);
        assertThat(store.recentFailures("10.0.0.3", T0)).isZero();
    }

    // Devices

    @Test
    void deviceRoundTripsWithKeysAndALargeSerial() throws Exception {
        StoredDevice d = device("alice", "laptop", T0);
        store.addDevice(d);

        StoredDevice read = store.device(d.id()).orElseThrow();
        assertThat(read.signingKey()).isEqualTo(d.signingKey());
        assertThat(read.noiseKey()).isEqualTo(d.noiseKey());
        assertThat(read.serial()).isEqualTo(d.serial());
        assertThat(read.serial().bitLength()).isEqualTo(159);
        assertThat(read.certificateNotAfter()).isEqualTo(micros(d.certificateNotAfter()));
        assertThat(read.enrolled()).isEqualTo(micros(T0));
        assertThat(read.revokedAt()).isNull();
        assertThat(read).usingRecursiveComparison()
                .ignoringFields("signingKey", "noiseKey", "certificateNotAfter", "enrolled").isEqualTo(d);
        assertThat(store.device(DeviceId.random())).isEmpty();
    }

    @Test
    void devicesAreListedInEnrollmentOrder() throws Exception {
        StoredDevice second = device("bob", "phone", T0.plusSeconds(5));
        StoredDevice first = device("alice", "laptop", T0);
        store.addDevice(second);
        store.addDevice(first);

        assertThat(store.devices()).extracting(StoredDevice::id).containsExactly(first.id(), second.id());
    }

    @Test
    void aDuplicateDeviceIsAConflict() throws Exception {
        StoredDevice d = device("alice", "laptop", T0);
        store.addDevice(d);
        StoredDevice again = new StoredDevice(d.id(), "mallory", "evil", d.signingKey(), d.noiseKey(),
                BigInteger.TWO, T0, T0, null);

        assertThatThrownBy(() -> store.addDevice(again)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
        assertThat(store.device(d.id()).orElseThrow().user()).isEqualTo("alice");
    }

    @Test
    void renewalReplacesSerialExpiryAndNoiseKey() throws Exception {
        StoredDevice d = device("alice", "laptop", T0);
        store.addDevice(d);
        Instant later = T0.plus(Duration.ofDays(14));

        store.updateCertificate(d.id(), BigInteger.valueOf(42), later, bytes(32, 5));
        StoredDevice renewed = store.device(d.id()).orElseThrow();
        assertThat(renewed.serial()).isEqualTo(BigInteger.valueOf(42));
        assertThat(renewed.certificateNotAfter()).isEqualTo(micros(later));
        assertThat(renewed.noiseKey()).isEqualTo(bytes(32, 5));
        assertThat(renewed.signingKey()).isEqualTo(d.signingKey());

        store.updateCertificate(d.id(), BigInteger.valueOf(43), later, null);
        assertThat(store.device(d.id()).orElseThrow().noiseKey()).isEqualTo(bytes(32, 5));
        assertThat(store.device(d.id()).orElseThrow().serial()).isEqualTo(BigInteger.valueOf(43));
    }

    @Test
    void renewingAnUnknownOrRevokedDeviceIsNotFound() throws Exception {
        StoredDevice d = device("alice", "laptop", T0);
        store.addDevice(d);
        store.revokeDevice(d.id(), T0.plusSeconds(1));

        for (DeviceId id : List.of(d.id(), DeviceId.random())) {
            assertThatThrownBy(() -> store.updateCertificate(id, BigInteger.TEN, T0, null))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        }
        assertThat(store.device(d.id()).orElseThrow().serial()).isEqualTo(d.serial());
    }

    @Test
    void revocationHappensOnceAndIsListedWithTheLastSerial() throws Exception {
        StoredDevice a = device("alice", "laptop", T0);
        StoredDevice b = device("bob", "phone", T0);
        StoredDevice c = device("carol", "desk", T0);
        store.addDevice(a);
        store.addDevice(b);
        store.addDevice(c);
        store.updateCertificate(b.id(), BigInteger.valueOf(777), T0.plus(Duration.ofDays(7)), null);

        assertThat(store.revokedDevices()).isEmpty();
        assertThat(store.revokeDevice(b.id(), T0.plusSeconds(10))).isTrue();
        assertThat(store.revokeDevice(a.id(), T0.plusSeconds(20))).isTrue();
        assertThat(store.revokeDevice(b.id(), T0.plusSeconds(30))).isFalse();
        assertThat(store.revokeDevice(DeviceId.random(), T0)).isFalse();

        List<StoredDevice> revoked = store.revokedDevices();
        assertThat(revoked).extracting(StoredDevice::id).containsExactly(b.id(), a.id());
        assertThat(revoked.get(0).serial()).isEqualTo(BigInteger.valueOf(777));
        assertThat(revoked.get(0).revokedAt()).isEqualTo(micros(T0.plusSeconds(10)));
        assertThat(revoked.get(0).revoked()).isTrue();
        assertThat(store.device(c.id()).orElseThrow().revoked()).isFalse();
    }

    // Policy

    @Test
    void policyVersionsCountUpAndAreAllKept() throws Exception {
        assertThat(store.currentPolicy()).isEmpty();
        assertThat(store.policies()).isEmpty();

        PolicyRecord first = store.savePolicy("groups: {}\n", "init", T0);
        PolicyRecord second = store.savePolicy("rules: []\n", "admin", T0.plusSeconds(1));

        assertThat(first).isEqualTo(new PolicyRecord(1, "groups: {}\n", "init", micros(T0)));
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.currentPolicy()).contains(second);
        assertThat(store.policies()).containsExactly(first, second);
    }

    @Test
    void concurrentPolicySavesGetDistinctConsecutiveVersions() throws Exception {
        int threads = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "admin-" + t;
                Callable<List<Long>> saver = () -> {
                    start.await();
                    List<Long> versions = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        versions.add(store.savePolicy(actor + " #" + i, actor, T0).version());
                    }
                    return versions;
                };
                results.add(pool.submit(saver));
            }
            Set<Long> versions = new HashSet<>();
            for (Future<List<Long>> f : results) {
                versions.addAll(f.get());
            }
            assertThat(versions).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, threads * each).boxed().toList());
            assertThat(store.policies()).hasSize(threads * each);
            assertThat(store.currentPolicy().orElseThrow().version()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    // Audit

    @Test
    void auditKeepsInsertionOrderWithSequencesFromTheDatabase() throws Exception {
        store.audit(new AuditRecord(999, T0.plusSeconds(3), "admin", "policy.apply", "v1", "applied"));
        store.audit(new AuditRecord(999, T0.plusSeconds(1), "alice/laptop", "authorize", "bob", "denied by rule 2"));
        store.audit(new AuditRecord(0, T0.plusSeconds(2), "admin", "revoke", "device x", "revoked"));

        List<AuditRecord> all = store.audit(T0);
        assertThat(all).extracting(AuditRecord::action).containsExactly("policy.apply", "authorize", "revoke");
        assertThat(all).extracting(AuditRecord::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(1)).isEqualTo(new AuditRecord(all.get(1).sequence(), micros(T0.plusSeconds(1)),
                "alice/laptop", "authorize", "bob", "denied by rule 2"));

        assertThat(store.audit(T0.plusSeconds(2))).extracting(AuditRecord::action)
                .containsExactly("policy.apply", "revoke");
        assertThat(store.audit(T0.plusSeconds(4))).isEmpty();
    }

    @Test
    void auditSequencesKeepGrowingAcrossReopen() throws Exception {
        store.audit(new AuditRecord(0, T0, "a", "one", "s", "d"));
        long first = store.audit(T0).get(0).sequence();
        store.close();
        store = open();
        store.audit(new AuditRecord(0, T0, "a", "two", "s", "d"));

        assertThat(store.audit(T0)).extracting(AuditRecord::action).containsExactly("one", "two");
        assertThat(store.audit(T0).get(1).sequence()).isGreaterThan(first);
    }

    // Presence

    @Test
    void presenceIsTrackedPerInstance() throws Exception {
        DeviceId a = DeviceId.random();
        DeviceId b = DeviceId.random();
        assertThat(store.online()).isEmpty();
        assertThat(store.isOnline(a)).isFalse();

        store.setPresence(a, "instance-1", true);
        store.setPresence(a, "instance-1", true);   // idempotent
        store.setPresence(a, "instance-2", true);
        store.setPresence(b, "instance-2", true);
        assertThat(store.online()).containsExactlyInAnyOrder(a, b);
        assertThat(count("presence")).isEqualTo(3);

        store.setPresence(a, "instance-1", false);
        assertThat(store.isOnline(a)).isTrue();     // still on instance 2
        store.setPresence(b, "instance-9", false);  // never there: no effect
        assertThat(store.isOnline(b)).isTrue();

        store.clearPresence("instance-2");
        assertThat(store.isOnline(a)).isFalse();
        assertThat(store.isOnline(b)).isFalse();
        assertThat(store.online()).isEmpty();
    }

    // Transactions

    @Test
    void aTransactionCommitsAllItsWritesTogether() throws Exception {
        StoredDevice d = device("alice", "laptop", T0);

        String result = store.inTransaction(s -> {
            s.upsertUser("alice", List.of("eng"), T0);
            s.addDevice(d);
            s.audit(new AuditRecord(0, T0, "alice", "enroll", d.id().toString(), "ok"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store.user("alice")).isPresent();
        assertThat(store.device(d.id())).isPresent();
        assertThat(store.audit(T0)).hasSize(1);
    }

    @Test
    void aFailingTransactionLeavesNothing() throws Exception {
        store.addInvite(invite("inv", T0.plusSeconds(60)));
        StoredDevice d = device("alice", "laptop", T0);

        assertThatThrownBy(() -> store.inTransaction(s -> {
            assertThat(s.consumeInvite("inv", T0)).isTrue();
            s.upsertUser("alice", List.of("eng"), T0);
            s.addDevice(d);
            s.audit(new AuditRecord(0, T0, "alice", "enroll", "x", "ok"));
            s.savePolicy("p", "alice", T0);
            s.addDevice(d); // duplicate: fails
            return null;
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));

        assertNothingFromTheFailedEnrollment(d);
    }

    @Test
    void aTransactionFailingOutsideTheStoreLeavesNothing() throws Exception {
        store.addInvite(invite("inv", T0.plusSeconds(60)));
        StoredDevice d = device("alice", "laptop", T0);

        assertThatThrownBy(() -> store.inTransaction(s -> {
            s.consumeInvite("inv", T0);
            s.upsertUser("alice", List.of("eng"), T0);
            s.addDevice(d);
            s.audit(new AuditRecord(0, T0, "alice", "enroll", "x", "ok"));
            s.savePolicy("p", "alice", T0);
            throw new IllegalStateException("certificate issuance failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("certificate issuance failed");

        assertNothingFromTheFailedEnrollment(d);
    }

    @Test
    void aFailureCaughtInsideATransactionStillRollsItBack() throws Exception {
        store.addInvite(invite("inv", T0.plusSeconds(60)));
        StoredDevice d = device("alice", "laptop", T0);

        assertThatThrownBy(() -> store.inTransaction(s -> {
            s.consumeInvite("inv", T0);
            s.upsertUser("alice", List.of("eng"), T0);
            s.addDevice(d);
            try {
                s.inTransaction(inner -> {
                    inner.audit(new AuditRecord(0, T0, "alice", "enroll", "x", "ok"));
                    inner.updateCertificate(DeviceId.random(), BigInteger.ONE, T0, null); // not found
                    return null;
                });
            } catch (StoreException swallowed) {
                // the work goes on as if nothing happened; the store must not
            }
            return "committed?";
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

        assertNothingFromTheFailedEnrollment(d);
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() throws Exception {
        store.inTransaction(s -> {
            s.upsertUser("alice", List.of(), T0);
            return s.inTransaction(inner -> {
                assertThat(inner.user("alice")).isPresent(); // sees the outer's uncommitted write
                inner.upsertUser("bob", List.of(), T0);
                return null;
            });
        });

        assertThat(store.users()).extracting(StoredUser::name).containsExactly("alice", "bob");
    }

    @Test
    void storeStaysUsableAfterFailures() throws Exception {
        for (int i = 0; i < 3 * JdbcServerStore.DEFAULT_POOL_SIZE; i++) {
            assertThatThrownBy(() -> store.inTransaction(s -> {
                s.upsertUser("x", List.of(), T0);
                throw new IllegalStateException("no");
            })).isInstanceOf(IllegalStateException.class);
        }
        store.upsertUser("y", List.of(), T0);

        assertThat(store.users()).extracting(StoredUser::name).containsExactly("y");
    }

    private void assertNothingFromTheFailedEnrollment(StoredDevice d) throws Exception {
        assertThat(store.invite("inv").orElseThrow().usedAt()).isNull();
        assertThat(store.user("alice")).isEmpty();
        assertThat(store.device(d.id())).isEmpty();
        assertThat(store.audit(Instant.EPOCH)).isEmpty();
        assertThat(store.currentPolicy()).isEmpty();
        assertThat(count("devices")).isZero();
        assertThat(count("audit_log")).isZero();
        assertThat(count("policy_versions")).isZero();
    }
}
