package io.ngisec.server.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty schema on the PostgreSQL named by NGISEC_TEST_PG_URL / _USER / _PASSWORD (see
 * {@code .ci/postgres}), dropped again on close. {@link #create} skips the calling test (JUnit
 * assumption) when the variables are not set.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "NGISEC_TEST_PG_URL";
    public static final String USER_VARIABLE = "NGISEC_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "NGISEC_TEST_PG_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String user, String password, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** True if the environment names a PostgreSQL for tests. */
    public static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Skips the test without PostgreSQL; otherwise creates a schema with a random name. */
    public static PostgresTestDatabase create() throws SQLException {
        Assumptions.assumeTrue(configured(), URL_VARIABLE + " is not set: PostgreSQL variant skipped"
                + " (eval \"$(.ci/postgres start /tmp/ngisec-pg)\" to run it)");
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        PostgresTestDatabase db = new PostgresTestDatabase(System.getenv(URL_VARIABLE),
                System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE),
                "ngisec_t_" + HexFormat.of().formatHex(random));
        try (Connection c = db.connectToBase(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + db.schema);
        }
        return db;
    }

    /** The URL of the schema (as the connection's current schema). */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    /** A connection with the schema current (auto-commit on); the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private Connection connectToBase() throws SQLException {
        return DriverManager.getConnection(baseUrl, user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connectToBase(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
