package io.ngisec.server.instance;

import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.server.http.PolicyHttpServer;
import io.ngisec.server.http.ServerTls;
import io.ngisec.server.service.PolicyService;
import io.ngisec.server.signal.BusSignalTransport;
import io.ngisec.server.signal.LocalSignalBus;
import io.ngisec.server.signal.PostgresSignalBus;
import io.ngisec.server.signal.SignalBus;
import io.ngisec.server.signal.SignalingHub;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.ServerStore;
import io.ngisec.server.store.StoreException;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running policy server: the store, the signal bus and transport, the policy service, the
 * signaling hub, the change watcher and the HTTPS front end, started in that order and closed in
 * the reverse one. Nothing here touches a device's keys or traffic. Thread safe.
 */
public final class ServerInstance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerInstance.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private ServerStore store;
    private PolicyService service;
    private SignalingHub hub;
    private int port;

    private ServerInstance() {
    }

    /**
     * Starts an instance. Fails with StoreException if the database is unreachable or its schema
     * cannot be brought up to date, IOException if it cannot listen; whatever was started by then
     * is closed again.
     */
    public static ServerInstance start(OrgCa ca, TicketSigner signer, ServerTls tls, InstanceOptions options,
            Clock clock, SecureRandom random) throws StoreException, IOException {
        Objects.requireNonNull(options, "options");
        ServerInstance instance = new ServerInstance();
        try {
            instance.startParts(ca, signer, tls, options, clock, random);
            return instance;
        } catch (StoreException | IOException | RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private void startParts(OrgCa ca, TicketSigner signer, ServerTls tls, InstanceOptions options, Clock clock,
            SecureRandom random) throws StoreException, IOException {
        JdbcServerStore jdbc = JdbcServerStore.open(options.dbUrl(), options.dbUser(), options.dbPassword());
        store = jdbc;
        parts.push(jdbc);
        SignalBus bus = openBus(options);
        parts.push(bus);
        BusSignalTransport transport = new BusSignalTransport(bus, store, options.instanceId());
        parts.push(transport);
        service = new PolicyService(store, ca, signer, options.settings(), clock, random);
        hub = new SignalingHub(transport, service);
        ChangeWatcher watcher = new ChangeWatcher(store, hub, service::refresh).start(options.watchPeriod());
        parts.push(watcher);
        PolicyHttpServer http = new PolicyHttpServer(clock);
        parts.push(http);
        port = http.start(options.listen(), tls, service, hub);
        log.info("policy server instance {} listening on {}:{} ({})", options.instanceId(),
                options.listen().getHostString(), port, options.postgres() ? "PostgreSQL" : "embedded H2");
    }

    private static SignalBus openBus(InstanceOptions options) throws StoreException {
        if (!options.postgres()) {
            return new LocalSignalBus();
        }
        try {
            return PostgresSignalBus.open(options.dbUrl(), options.dbUser(), options.dbPassword());
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE,
                    "cannot listen for signals on the database (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The port the HTTPS front end listens on. */
    public int port() {
        return port;
    }

    /** The instance's store (shared with other instances on PostgreSQL). */
    public ServerStore store() {
        return store;
    }

    /** The policy service answering the API. */
    public PolicyService service() {
        return service;
    }

    /** The signaling hub of this instance's WebSocket connections. */
    public SignalingHub hub() {
        return hub;
    }

    /** Stops listening, then closes the rest in reverse order of starting. Idempotent. */
    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
