package io.ngisec.server.bench;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One held signaling WebSocket: counts the upgrade, pings every interval (first ping at a random
 * point of the first interval, so that pings of sockets opened together spread out), counts what
 * comes back, and reports once, when upgraded or failed before, so the opener can open the next.
 * One instance per connection; runs on its event loop.
 */
final class HeldSocket extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final SocketCounters counters;
    private final Duration pingInterval;
    private final Runnable onSettled;
    private boolean upgraded;
    private boolean settled;
    private ScheduledFuture<?> pings;

    HeldSocket(SocketCounters counters, Duration pingInterval, Runnable onSettled) {
        this.counters = counters;
        this.pingInterval = pingInterval;
        this.onSettled = onSettled;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            upgraded = true;
            counters.upgradedNow();
            long interval = pingInterval.toMillis();
            pings = ctx.executor().scheduleAtFixedRate(() -> {
                counters.pingsSent.increment();
                ctx.writeAndFlush(new PingWebSocketFrame()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }, ThreadLocalRandom.current().nextLong(interval), interval, TimeUnit.MILLISECONDS);
            settle();
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail(ctx, "upgrade_timeout");
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PongWebSocketFrame) {
            counters.pongs.increment();
        } else if (frame instanceof TextWebSocketFrame) {
            counters.textFrames.increment(); // presence of the other bench devices, mostly
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pings != null) {
            pings.cancel(false);
        }
        if (upgraded) {
            counters.held.decrementAndGet();
            counters.dropped.increment();
        } else if (!settled) {
            counters.failure("closed_before_upgrade");
            settle();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!upgraded) {
            fail(ctx, cause instanceof WebSocketClientHandshakeException ? "upgrade_refused"
                    : cause instanceof SSLException || cause.getCause() instanceof SSLException ? "tls"
                    : cause instanceof IOException ? "io" : "client_error");
        } else {
            ctx.close();
        }
    }

    private void fail(ChannelHandlerContext ctx, String kind) {
        if (!settled) {
            counters.failure(kind);
            settle();
        }
        ctx.close();
    }

    private void settle() {
        if (!settled) {
            settled = true;
            onSettled.run();
        }
    }
}
