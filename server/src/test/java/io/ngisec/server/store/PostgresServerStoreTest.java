package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.server.store.StoreException.Reason;
import java.sql.PreparedStatement;
import java.time.Instant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerStoreContract} on PostgreSQL, each test in a fresh schema; skipped unless
 * NGISEC_TEST_PG_URL (and _USER, _PASSWORD) name one, as {@code .ci/postgres start} prints.
 */
class PostgresServerStoreTest extends ServerStoreContract {

    private PostgresTestDatabase db;

    @Override
    protected void createDatabase() throws SQLException {
        db = PostgresTestDatabase.create();
    }

    @Override
    protected JdbcServerStore open() throws StoreException {
        return JdbcServerStore.open(db.url(), db.user(), db.password());
    }

    @Override
    protected Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    protected void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void instancesStartingTogetherMigrateOnce() throws Exception {
        int instances = 4;
        try (PostgresTestDatabase fresh = PostgresTestDatabase.create()) {
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                CyclicBarrier start = new CyclicBarrier(instances);
                List<Future<JdbcServerStore>> opened = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    opened.add(pool.submit(() -> {
                        start.await();
                        return JdbcServerStore.open(fresh.url(), fresh.user(), fresh.password());
                    }));
                }
                for (Future<JdbcServerStore> f : opened) {
                    f.get().close();
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = fresh.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(Migrations.latest());
            }
        }
    }

    @Test
    void aDatabaseRestartCostsOneFailedCall() throws Exception {
        // Three connections in the pool: three transactions open at once.
        int held = 3;
        ExecutorService pool = Executors.newFixedThreadPool(held);
        try {
            CyclicBarrier together = new CyclicBarrier(held);
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                done.add(pool.submit(() -> store.inTransaction(s -> {
                    s.users();
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                })));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = connect()) {
            assertThat(run(c, "SELECT COUNT(pg_terminate_backend(pid))")).isEqualTo(held);
            while (run(c, "SELECT COUNT(*)") > 0) {
                Thread.sleep(10); // until the server has really ended them
            }
        }

        assertThatThrownBy(() -> store.users()).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        for (int i = 0; i < 2 * held; i++) {
            store.audit(new AuditRecord(0, Instant.EPOCH, "a", "after restart", "s", Integer.toString(i)));
        }
        assertThat(store.audit(Instant.EPOCH)).hasSize(2 * held);
    }

    /** {@code select} over this database's store connections, as one number. */
    private static long run(Connection c, String select) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select + " FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()")) {
            s.setString(1, Dialect.APPLICATION_NAME);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
