package io.ngisec.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServerStoreContract} on an embedded H2 file in a temporary directory. */
class H2ServerStoreTest extends ServerStoreContract {

    @TempDir
    Path dir;

    /** The database URL: the default one, as the server builds it. */
    protected String url() {
        return JdbcServerStore.h2FileUrl(dir.resolve("ngisec"));
    }

    @Override
    protected void createDatabase() {
        // H2 creates the file on first connection.
    }

    @Override
    protected JdbcServerStore open() throws StoreException {
        return JdbcServerStore.open(url(), "sa", "");
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }

    @Override
    protected void dropDatabase() {
        // The temporary directory goes away.
    }
}
