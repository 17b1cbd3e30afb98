package io.ngisec.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a WebSocket from the server side so the client gets to read why: send the close frame,
 * keep reading (and discarding) for a moment, then close the connection.
 *
 * <p>Closing the TCP connection right after the close frame, with the client's unread message
 * still in our receive buffer, makes the kernel answer with a reset, and a reset can destroy the
 * close frame in the client's receive buffer before the client reads it.
 */
final class WebSocketClose {

    /** How long the connection stays open after our close frame if the client does not close first. */
    static final Duration LINGER = Duration.ofSeconds(1);

    private WebSocketClose() {
    }

    /** Sends a close frame with {@code code} and {@code reason} and closes the connection after {@link #LINGER}. */
    static void send(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                f.channel().close();
                return;
            }
            f.channel().eventLoop().schedule(() -> f.channel().close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }
}
