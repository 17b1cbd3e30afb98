package io.ngisec.server.e2e;

import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The database an end-to-end test runs the server on: an H2 file, or a fresh PostgreSQL schema. */
interface TestDatabase extends AutoCloseable {

    String url();

    String user();

    String password();

    /** Whether several instances may share it (PostgreSQL). */
    boolean shared();

    /** A direct connection, to check what the server persisted. */
    default Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** The number of rows of {@code table}, read straight from the database. */
    default long rows(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    void close() throws Exception;

    static TestDatabase h2() throws Exception {
        Path dir = Files.createTempDirectory("ngisec-e2e");
        // Mixed mode, as the server runs it, so the test can read the file while the server holds it.
        String url = JdbcServerStore.h2FileUrl(dir.resolve("ngisec")) + ";AUTO_SERVER=TRUE";
        return new TestDatabase() {
            public String url() {
                return url;
            }

            public String user() {
                return "sa";
            }

            public String password() {
                return "";
            }

            public boolean shared() {
                return false;
            }

            public void close() throws Exception {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        };
    }

    /** Skips the calling test when no PostgreSQL is configured. */
    static TestDatabase postgres() throws Exception {
        PostgresTestDatabase db = PostgresTestDatabase.create();
        return new TestDatabase() {
            public String url() {
                return db.url();
            }

            public String user() {
                return db.user();
            }

            public String password() {
                return db.password();
            }

            public boolean shared() {
                return true;
            }

            public void close() throws Exception {
                db.close();
            }
        };
    }
}
