package io.ngisec.server.store;

import io.ngisec.server.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The two databases we run on, and the few statements that cannot be written once for both. */
enum Dialect {
    H2 {
        @Override
        String upsertUser() {
            // Standard MERGE; H2 takes it in every compatibility mode.
            return "MERGE INTO users u USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(20000)),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (name, groups_json, created_at)"
                    + " ON u.name = s.name"
                    + " WHEN MATCHED THEN UPDATE SET groups_json = s.groups_json"
                    + " WHEN NOT MATCHED THEN INSERT (name, groups_json, created_at)"
                    + " VALUES (s.name, s.groups_json, s.created_at)";
        }

        @Override
        String addPresence() {
            return "MERGE INTO presence KEY (device_id, instance_id) VALUES (?, ?)";
        }

        @Override
        Optional<String> migrationLock() {
            return Optional.empty(); // an embedded H2 file belongs to one process
        }

        @Override
        void prepare(Connection connection) throws StoreException {
            // Write each commit to the file before returning (the default delays by 500 ms), so a
            // killed server keeps every transaction it reported done. And wait for row locks as
            // long as PostgreSQL would rather than 1 s. Database settings: they last.
            try (Statement s = connection.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
                s.execute("SET DEFAULT_LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS);
                s.execute("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS);
                connection.commit();
            } catch (SQLException e) {
                StoreException mapped = SqlErrors.map("configure the database", e);
                throw new StoreException(Reason.SCHEMA, mapped.getMessage(), e);
            }
        }

        @Override
        Optional<String> migrationUnlock() {
            return Optional.empty();
        }
    },

    POSTGRESQL {
        @Override
        String upsertUser() {
            // ON CONFLICT rather than MERGE: race-free, and older servers have it (9.5+).
            return "INSERT INTO users (name, groups_json, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET groups_json = EXCLUDED.groups_json";
        }

        @Override
        String addPresence() {
            return "INSERT INTO presence (device_id, instance_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
        }

        @Override
        Optional<String> migrationLock() {
            // Two instances starting together on one database must not migrate at the same time.
            return Optional.of("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
        }

        @Override
        Optional<String> migrationUnlock() {
            return Optional.of("SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
        }

        @Override
        Properties connectionProperties() {
            Properties p = new Properties();
            p.setProperty("ApplicationName", APPLICATION_NAME); // how pg_stat_activity names us
            return p;
        }
    };

    /** The name our PostgreSQL connections give themselves. */
    static final String APPLICATION_NAME = "ngisec store";

    /** Driver settings beyond user and password (H2 refuses ones it does not know). */
    Properties connectionProperties() {
        return new Properties();
    }

    /** Sets what the database needs once it is open and migrated. */
    void prepare(Connection connection) throws StoreException {
    }

    /** How long an H2 session waits for a row lock before giving up (CONFLICT). */
    static final int LOCK_TIMEOUT_MILLIS = 30_000;

    /** An arbitrary constant naming our advisory lock ("NGISEC" in ASCII). */
    private static final long MIGRATION_LOCK_KEY = 0x4E47_4953_4543L;

    /** {@code upsertUser}: parameters name, groups JSON, created (kept when the user exists). */
    abstract String upsertUser();

    /** Inserts a presence row unless it exists: parameters device id, instance id. */
    abstract String addPresence();

    /** A statement taking a lock held across migrations, if the database needs one. */
    abstract Optional<String> migrationLock();

    abstract Optional<String> migrationUnlock();

    /** The dialect of a JDBC URL, or empty for a database we do not support. */
    static Optional<Dialect> of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        return Optional.empty();
    }
}
