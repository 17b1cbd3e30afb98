package io.ngisec.server.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SignalBus} of server instances sharing one PostgreSQL database: LISTEN/NOTIFY on one
 * channel, each message a JSON object {@code {"target","kind","json"}} as the NOTIFY payload
 * (so at most {@link #MAX_PAYLOAD_BYTES} of it in UTF-8; larger messages are refused).
 * One dedicated connection listens, on a daemon thread that calls the subscribers one message at
 * a time in the order the database delivers them, and reconnects (with backoff) when the
 * connection fails; messages sent while it is away are lost. Another connection publishes; a
 * publish that finds it broken reconnects once, so in the rare case the first attempt was
 * delivered before it failed, a message arrives twice. Payloads on the channel that are not our
 * JSON are dropped. Thread safe.
 */
public final class PostgresSignalBus implements SignalBus {

    /** The channel unless told otherwise. All instances of one deployment must use the same one. */
    public static final String DEFAULT_CHANNEL = "ngisec_signal";

    /** PostgreSQL's NOTIFY payload must be shorter than 8000 bytes (in its default build). */
    public static final int MAX_PAYLOAD_BYTES = 7999;

    /** How long one wait for notifications lasts; also how soon close() is noticed. */
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSignalBus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String url;
    private final Properties credentials = new Properties();
    private final String channel;
    private final List<Consumer<SignalEnvelope>> listeners = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();
    private Connection publisher;                         // guarded by publishLock
    private volatile boolean closed;
    private final Thread listenerThread;

    private PostgresSignalBus(String url, String user, String password, String channel) throws SQLException {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.channel = channel;
        Connection listening = listen();
        this.listenerThread = Thread.ofPlatform().daemon().name("ngisec-signal-" + channel)
                .unstarted(() -> run(listening));
        listenerThread.start();
    }

    /** Opens the bus on {@link #DEFAULT_CHANNEL}; see {@link #open(String, String, String, String)}. */
    public static PostgresSignalBus open(String jdbcUrl, String user, String password) throws SQLException {
        return open(jdbcUrl, user, password, DEFAULT_CHANNEL);
    }

    /**
     * Connects to {@code jdbcUrl} (a {@code jdbc:postgresql:} URL) and listens on {@code channel}
     * (lower-case letters, digits, '_'); once this returns, every later publish on the channel
     * reaches this bus's subscribers. Throws SQLException if it cannot connect.
     */
    public static PostgresSignalBus open(String jdbcUrl, String user, String password, String channel)
            throws SQLException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the PostgreSQL signal bus needs a jdbc:postgresql: URL");
        }
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be a lower-case SQL identifier");
        }
        return new PostgresSignalBus(jdbcUrl, user, password, channel);
    }

    @Override
    public void publish(SignalEnvelope envelope) {
        String payload = payload(Objects.requireNonNull(envelope, "envelope"));
        synchronized (publishLock) {
            SQLException last = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                if (closed) {
                    throw new IllegalStateException("signal bus closed");
                }
                try {
                    if (publisher == null) {
                        publisher = connect("publisher");
                    }
                    try (PreparedStatement s = publisher.prepareStatement("SELECT pg_notify(?, ?)")) {
                        s.setString(1, channel);
                        s.setString(2, payload);
                        s.execute();
                        return;
                    }
                } catch (SQLException e) {
                    last = e;
                    closeQuietly(publisher);
                    publisher = null;
                }
            }
            throw new IllegalStateException("signal bus: cannot publish (SQLState " + last.getSQLState() + ")", last);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignalEnvelope> listener) {
        Objects.requireNonNull(listener, "listener");
        Consumer<SignalEnvelope> subscription = listener::accept;
        listeners.add(subscription);
        return () -> listeners.remove(subscription);
    }

    /** Stops listening (within {@link #POLL} or so) and closes both connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listeners.clear();
        synchronized (publishLock) {
            closeQuietly(publisher);
            publisher = null;
        }
        if (Thread.currentThread() != listenerThread) {
            try {
                listenerThread.join(POLL.multipliedBy(8).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The listener thread: wait for notifications, hand them out, reconnect after failures. */
    private void run(Connection first) {
        Connection connection = first;
        Duration retry = FIRST_RETRY;
        while (!closed) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("signal bus: listening again on {}", channel);
                    retry = FIRST_RETRY;
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class)
                        .getNotifications((int) POLL.toMillis());
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        if (channel.equals(n.getName())) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.warn("signal bus: lost the database connection ({}); retrying in {} ms",
                        e instanceof SQLException sql ? "SQLState " + sql.getSQLState() : e.toString(),
                        retry.toMillis());
                closeQuietly(connection);
                connection = null;
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException interrupted) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        closeQuietly(connection);
    }

    private void deliver(String payload) {
        SignalEnvelope envelope = decode(payload);
        if (envelope == null) {
            LOG.debug("signal bus: dropped a payload that is not a signal envelope");
            return;
        }
        for (Consumer<SignalEnvelope> listener : listeners) {
            try {
                listener.accept(envelope);
            } catch (RuntimeException e) {
                LOG.warn("signal listener failed on a {} message", envelope.kind(), e);
            }
        }
    }

    /** The NOTIFY payload of {@code envelope}; IllegalArgumentException if it is too large. */
    static String payload(SignalEnvelope envelope) {
        String payload = encode(envelope);
        int size = payload.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("signal too large for the bus: " + size + " bytes, at most "
                    + MAX_PAYLOAD_BYTES);
        }
        return payload;
    }

    static String encode(SignalEnvelope envelope) {
        ObjectNode node = JSON.createObjectNode()
                .put("target", envelope.targetDevice())
                .put("kind", envelope.kind())
                .put("json", envelope.json());
        return node.toString();
    }

    /** The envelope in {@code payload}, or null if it is not one. */
    static SignalEnvelope decode(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject() || node.size() != 3) {
                return null;
            }
            JsonNode target = node.get("target");
            JsonNode kind = node.get("kind");
            JsonNode json = node.get("json");
            if (target == null || kind == null || json == null
                    || !target.isTextual() || !kind.isTextual() || !json.isTextual()) {
                return null;
            }
            return new SignalEnvelope(target.textValue(), kind.textValue(), json.textValue());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private Connection connect(String role) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(credentials);
        // Names the connection in pg_stat_activity, for administrators (and tests).
        properties.setProperty("ApplicationName", "ngisec signal " + role + " " + channel);
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private Connection listen() throws SQLException {
        Connection connection = connect("listener");
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + channel);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Already unusable.
        }
    }
}
