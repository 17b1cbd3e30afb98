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
import io.netty.handler.ssl.SslContext;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Drives an HTTP scenario: {@code connections} keep-alive TLS connections on Netty, each sending
 * one request at a time (no pipelining, like a device), reopening lost connections until the run
 * ends. Connection i uses TLS context i mod n (so several device certificates take part) and the
 * requests of {@code requests.apply(i)}.
 */
final class HttpLoad {

    /** What to run. */
    record Plan(InetSocketAddress server, String host, int connections, int threads, Duration warmup,
                Duration duration, List<SslContext> tls, IntFunction<RequestSource> requests, LoopbackSources sources) {
    }

    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final long RECONNECT_DELAY_MILLIS = 100;

    private final Plan plan;
    private final RequestStats stats = new RequestStats();
    /** How long opening all connections may take before the warm-up starts anyway. */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    // Replaced once all connections are up; read by the event loops.
    private volatile RunWindow window;
    private Bootstrap bootstrap;

    HttpLoad(Plan plan) {
        this.plan = plan;
    }

    /**
     * Runs for warm-up plus duration (or until the requests run dry) and returns what it measured;
     * prints MEASURING and MEASURED to {@code progress} when the measured window starts and ends.
     */
    RequestStats run(PrintStream progress) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.threads(), NioIoHandler.newFactory());
        try {
            bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
            // Until every connection is up, requests run unmeasured and nothing ends.
            window = RunWindow.pending();
            for (int i = 0; i < plan.connections(); i++) {
                open(i);
            }
            long openDeadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
            while (stats.connected() < plan.connections() && System.nanoTime() - openDeadline < 0) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            progress.printf("%d of %d connections up%n", stats.connected(), plan.connections());
            window = RunWindow.startingNow(plan.warmup(), plan.duration());
            // Markers for scripts that measure the server over the same window.
            TimeUnit.NANOSECONDS.sleep(Math.max(0, window.measureFromNanos() - System.nanoTime()));
            progress.println("MEASURING");
            progress.flush();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, window.endNanos() - System.nanoTime()));
            progress.println("MEASURED");
            progress.flush();
            // Answers still in flight are not counted; give their connections a moment to close.
            TimeUnit.MILLISECONDS.sleep(200);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        return stats;
    }

    /** The measuring window of the last run. */
    RunWindow window() {
        return window;
    }

    private void open(int index) {
        if (window.over(System.nanoTime())) {
            return;
        }
        SslContext tls = plan.tls().get(index % plan.tls().size());
        RequestSource source = plan.requests().apply(index);
        bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(), plan.host(), plan.server().getPort()));
                channel.pipeline().addLast("http", new HttpClientCodec());
                channel.pipeline().addLast("body", new HttpObjectAggregator(MAX_RESPONSE_BYTES));
                channel.pipeline().addLast("loop", new RequestLoop(source, () -> window, stats, () -> reopen(channel, index)));
            }
        }).connect(plan.server(), plan.sources().next()).addListener(f -> {
            if (!f.isSuccess()) {
                stats.failure("connect");
                bootstrap.config().group().schedule(() -> open(index), RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void reopen(Channel lost, int index) {
        lost.eventLoop().execute(() -> open(index));
    }
}
