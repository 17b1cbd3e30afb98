package io.ngisec.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The peer's embedded H2 database (identity, contacts cache, transfers, chat history, settings):
 * opened on a file in the peer home, brought up to date by {@link PeerMigrations}, and used one
 * transaction at a time through {@link #transaction}. H2's MVStore writes are crash safe: a killed
 * process loses at most the transaction it was in. {@code AUTO_SERVER} lets a second process of the
 * same home (for example {@code ngisec status} while {@code ngisec listen} runs) open it too.
 *
 * <p>Thread safe: transactions are serialized on one connection, which suits a single device's
 * modest write rate and keeps every transaction's view consistent.
 */
public final class PeerDatabase implements AutoCloseable {

    /** Work inside one transaction; committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private Connection connection;

    private PeerDatabase(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database {@code file} (without H2's {@code .mv.db} suffix) and migrates it. */
    public static PeerDatabase open(Path file) throws StoreException {
        Objects.requireNonNull(file, "file");
        // WRITE_DELAY=0: a commit reaches the file at once, not up to half a second later, so what a
        // killed process recorded (verified chunks above all) is what the next one finds.
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        try {
            Connection connection = connect(url);
            PeerDatabase database = new PeerDatabase(url, connection);
            try {
                PeerMigrations.apply(connection);
            } catch (StoreException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (SQLException e) {
            throw new StoreException("cannot open the peer database " + file + ": " + oneLine(e), e);
        }
    }

    /** An in-memory database (tests): the same schema, gone when closed. */
    public static PeerDatabase inMemory(String name) throws StoreException {
        try {
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=0";
            Connection connection = connect(url);
            PeerMigrations.apply(connection);
            return new PeerDatabase(url, connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open in-memory database: " + oneLine(e), e);
        }
    }

    /**
     * Runs {@code work} in one transaction. When the connection was lost (another process of the
     * same home served the database and exited: with {@code AUTO_SERVER} the first process to open
     * it serves the others), connects again (this process then serves it) and runs {@code work}
     * once more, from the start: the lost transaction was never committed.
     */
    public synchronized <T> T transaction(Work<T> work) throws StoreException {
        try {
            return attempt(work);
        } catch (SQLException e) {
            if (!lost()) {
                throw new StoreException("database: " + oneLine(e), e);
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // It is gone already.
            }
            try {
                connection = connect(url);
                return attempt(work);
            } catch (SQLException again) {
                again.addSuppressed(e);
                throw new StoreException("database: " + oneLine(again), again);
            }
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private boolean lost() {
        try {
            return !connection.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    private static Connection connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url, "peer", "");
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing releases the file lock; a failure here leaves nothing to do.
        }
    }

    static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
