package io.ngisec.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.server.api.PolicyServerApi;
import io.ngisec.server.signal.SignalingHub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The policy server's HTTPS and WebSocket listener (docs/policy-server.md): Netty NIO event loops
 * for I/O; API and signaling calls, which may block on the database, on virtual threads. Starts
 * at most once; close is idempotent and also works if start failed or never ran. Thread safe.
 */
public final class PolicyHttpServer implements AutoCloseable {

    private final Clock clock;
    private final ChannelGroup channels = new DefaultChannelGroup("ngisec-http", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private ExecutorService apiExecutor;
    private Channel listener;
    private boolean started;

    /** A server checking client certificate validity against the system clock. */
    public PolicyHttpServer() {
        this(Clock.systemUTC());
    }

    /** A server checking client certificate validity against {@code clock}. */
    public PolicyHttpServer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts listening on {@code listen} (port 0 picks a free port) and returns the bound port.
     * Throws IllegalArgumentException if {@code tls} cannot serve TLS or its client CA is not an
     * NGISec CA certificate, IllegalStateException if already started, IOException if it cannot
     * listen there.
     */
    public synchronized int start(InetSocketAddress listen, ServerTls tls, PolicyServerApi api, SignalingHub hub)
            throws IOException {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(hub, "hub");
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        SslContext ssl = ServerSslContexts.build(tls);
        CallerAuthenticator authenticator =
                new TlsCallerAuthenticator(new ClientCertificateCheck(orgCa(tls), clock), clock);

        acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        apiExecutor = Executors.newVirtualThreadPerTaskExecutor();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ServerChannelInitializer(ssl, api, authenticator, hub, apiExecutor, channels));
        try {
            listener = bootstrap.bind(listen).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw new IOException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static OrgCaCertificate orgCa(ServerTls tls) {
        try {
            return OrgCaCertificate.parse(tls.clientCa().getEncoded());
        } catch (IdentityException | CertificateEncodingException e) {
            throw new IllegalArgumentException("the client CA is not an NGISec CA certificate", e);
        }
    }

    /** Stops listening, closes every connection and waits (a few seconds at most) for the threads to end. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        channels.close().awaitUninterruptibly(HttpTunables.SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, HttpTunables.SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .awaitUninterruptibly(HttpTunables.SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
            }
        }
        acceptor = null;
        workers = null;
        if (apiExecutor != null) {
            // Calls still running finish; their answers go nowhere.
            apiExecutor.shutdown();
            try {
                apiExecutor.awaitTermination(HttpTunables.SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            apiExecutor = null;
        }
    }
}
