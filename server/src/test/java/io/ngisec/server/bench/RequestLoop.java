package io.ngisec.server.bench;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * One keep-alive connection's request loop: once TLS is up, sends a request, waits for its answer,
 * records it and sends the next, until the run is over or the source runs dry. If the connection
 * is lost early it calls {@code onLost} so that the run can open another. One instance per
 * connection; runs on its event loop.
 */
final class RequestLoop extends SimpleChannelInboundHandler<FullHttpResponse> {

    private final RequestSource source;
    private final Supplier<RunWindow> window;
    private final RequestStats stats;
    private final Runnable onLost;
    private long sentAt;
    private boolean finished;

    RequestLoop(RequestSource source, Supplier<RunWindow> window, RequestStats stats, Runnable onLost) {
        this.source = source;
        this.window = window;
        this.stats = stats;
        this.onLost = onLost;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                stats.connectedOne();
                sendNext(ctx);
            } else {
                stats.failure("tls_handshake");
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        long now = System.nanoTime();
        String outcome = source.outcome(response);
        if (window.get().measures(sentAt)) {
            stats.response(outcome, now - sentAt, now);
        }
        if (!HttpUtil.isKeepAlive(response)) {
            // The server ends this connection; the run opens another without calling it a failure.
            ctx.close();
            return;
        }
        sendNext(ctx);
    }

    private void sendNext(ChannelHandlerContext ctx) {
        if (window.get().over(System.nanoTime())) {
            finished = true;
            ctx.close();
            return;
        }
        FullHttpRequest request = source.next();
        if (request == null) {
            finished = true;
            ctx.close();
            return;
        }
        sentAt = System.nanoTime();
        ctx.writeAndFlush(request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!finished && !window.get().over(System.nanoTime())) {
            onLost.run();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!finished) {
            stats.failure(cause instanceof SSLException || cause.getCause() instanceof SSLException ? "tls"
                    : cause instanceof IOException ? "io" : "client_error");
        }
        ctx.close();
    }
}
