package io.ngisec.server.store;

import io.ngisec.server.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded set of JDBC connections, opened on demand, handed out with auto-commit off. A caller
 * that cannot get one within {@link #BORROW_TIMEOUT} gets {@link Reason#UNAVAILABLE}. Connections
 * idle longer than {@link #VALIDATE_AFTER_IDLE} are checked before reuse; ones that failed are
 * closed instead of returned, and then every idle one is checked before reuse, so a database
 * restart costs one failed call rather than one per pooled connection. Thread safe.
 */
final class ConnectionPool implements AutoCloseable {

    static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);
    static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(30);
    private static final int VALIDATE_TIMEOUT_SECONDS = 5;

    private record Idle(Connection connection, long since) {
    }

    private final String url;
    private final Properties credentials = new Properties();
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>(); // guarded by this; most recently used first
    private boolean closed;                               // guarded by this

    ConnectionPool(String url, Properties properties, String user, String password, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        this.url = url;
        credentials.putAll(properties);
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.permits = new Semaphore(size, true);
    }

    Connection borrow() throws StoreException {
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException(Reason.UNAVAILABLE, "store: no database connection free in time", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNAVAILABLE, "store: interrupted waiting for a connection", e);
        }
        try {
            while (true) {
                Idle next;
                synchronized (this) {
                    if (closed) {
                        throw new StoreException(Reason.UNAVAILABLE, "store: closed", null);
                    }
                    next = idle.pollFirst();
                }
                if (next == null) {
                    return open();
                }
                if (usable(next)) {
                    return next.connection();
                }
                closeQuietly(next.connection());
            }
        } catch (StoreException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** Takes back a borrowed connection; {@code broken} ones (and any after close) are closed. */
    void release(Connection connection, boolean broken) {
        try {
            if (!broken && isOpen(connection)) {
                synchronized (this) {
                    if (!closed) {
                        idle.addFirst(new Idle(connection, System.nanoTime()));
                        return;
                    }
                }
            }
            closeQuietly(connection);
            if (broken) {
                suspectIdle();
            }
        } finally {
            permits.release();
        }
    }

    /** One connection failed: the database may have restarted, so check the idle ones before reuse. */
    private synchronized void suspectIdle() {
        long stale = System.nanoTime() - VALIDATE_AFTER_IDLE.toNanos() - 1;
        for (int n = idle.size(); n > 0; n--) {
            idle.addLast(new Idle(idle.pollFirst().connection(), stale));
        }
    }

    /** Opens a connection outside the pool (for migrations and the like); the caller closes it. */
    Connection open() throws StoreException {
        try {
            Connection connection = DriverManager.getConnection(url, credentials);
            try {
                connection.setAutoCommit(false);
                return connection;
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.map("connect to the database", e);
        }
    }

    /** Closes the idle connections now and borrowed ones as they come back. */
    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }

    private static boolean usable(Idle candidate) {
        if (System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE.toNanos()) {
            return isOpen(candidate.connection());
        }
        try {
            return candidate.connection().isValid(VALIDATE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isOpen(Connection connection) {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Already unusable; nothing more to do with it.
        }
    }
}
