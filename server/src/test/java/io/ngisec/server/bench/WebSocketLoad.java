package io.ngisec.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket scenario: opens {@code connections} mutual-TLS signaling sockets with at most
 * {@code connectConcurrency} upgrades under way, prints {@code HOLDING <n>} once all have upgraded
 * or failed (the moment to measure the server), holds them for {@code hold} while each pings every
 * {@code pingInterval}, then closes them. Socket i presents TLS context i mod n.
 */
final class WebSocketLoad {

    /** What to run. */
    record Plan(InetSocketAddress server, URI url, int connections, int connectConcurrency, int threads,
                Duration hold, Duration pingInterval, Duration connectTimeout, List<SslContext> tls,
                LoopbackSources sources) {
    }

    /** What the run saw. */
    record Result(int target, long upgraded, Map<String, Long> failures, double connectSeconds, int heldAfterConnect,
                  int minHeld, int heldAtEnd, long dropped, long pingsSent, long pongs, long textFrames) {

        double connectRate() {
            return connectSeconds > 0 ? upgraded / connectSeconds : 0;
        }
    }

    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    private final Plan plan;
    private final SocketCounters counters = new SocketCounters();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private Bootstrap bootstrap;

    WebSocketLoad(Plan plan) {
        this.plan = plan;
    }

    Result run(PrintStream progress) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.threads(), NioIoHandler.newFactory());
        try {
            bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
            long start = System.nanoTime();
            for (int i = 0; i < Math.min(plan.connectConcurrency(), plan.connections()); i++) {
                openNext();
            }
            long connectDeadline = start + plan.connectTimeout().toNanos();
            while (settled.get() < plan.connections() && System.nanoTime() - connectDeadline < 0) {
                TimeUnit.SECONDS.sleep(1);
                progress.printf("connecting: held=%d failed=%d%n", counters.held.get(), counters.failed());
            }
            double connectSeconds = (counters.lastUpgradeNanos.get() - start) / 1e9;
            int heldAfterConnect = counters.held.get();
            progress.println("HOLDING " + heldAfterConnect);
            progress.flush();

            int minHeld = heldAfterConnect;
            long holdEnd = System.nanoTime() + plan.hold().toNanos();
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() - holdEnd < 0) {
                TimeUnit.MILLISECONDS.sleep(Math.min(500, Math.max(1, (holdEnd - System.nanoTime()) / 1_000_000)));
                minHeld = Math.min(minHeld, counters.held.get());
                if (System.nanoTime() - nextReport >= 0) {
                    progress.printf("holding: held=%d pongs=%d%n", counters.held.get(), counters.pongs.sum());
                    nextReport += TimeUnit.SECONDS.toNanos(10);
                }
            }
            return new Result(plan.connections(), counters.upgraded.sum(), counters.failures(), connectSeconds,
                    heldAfterConnect, minHeld, counters.held.get(), counters.dropped.sum(),
                    counters.pingsSent.sum(), counters.pongs.sum(), counters.textFrames.sum());
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void openNext() {
        int index = nextIndex.getAndIncrement();
        if (index >= plan.connections()) {
            return;
        }
        SslContext tls = plan.tls().get(index % plan.tls().size());
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(plan.url())
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handleCloseFrames(true)
                .dropPongFrames(false)
                .handshakeTimeoutMillis(60_000)
                .build();
        bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(), plan.url().getHost(), plan.server().getPort()));
                channel.pipeline().addLast("http", new HttpClientCodec());
                channel.pipeline().addLast("upgrade-response", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
                channel.pipeline().addLast("websocket", new WebSocketClientProtocolHandler(config));
                channel.pipeline().addLast("held", new HeldSocket(counters, plan.pingInterval(), WebSocketLoad.this::settledOne));
            }
        }).connect(plan.server(), plan.sources().next()).addListener(f -> {
            if (!f.isSuccess()) {
                counters.failure("connect");
                settledOne();
            }
        });
    }

    private void settledOne() {
        settled.incrementAndGet();
        openNext();
    }
}
