package io.ngisec.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a WebSocket protocol violation (oversized frame, bad opcode, unmasked frame) with the
 * close code the decoder chose, through {@link WebSocketClose}. It sits right behind the HTTP codec,
 * where the WebSocket decoder takes its place after the upgrade, so it sees the violation before
 * handlers further on would close the connection at once. One instance per connection.
 */
final class WebSocketViolationHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketViolationHandler.class);

    private boolean closing;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (!(cause instanceof CorruptedWebSocketFrameException violation)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        log.debug("closing signaling connection from {}: {}", ctx.channel().remoteAddress(), violation.getMessage());
        // The decoder discards everything after a violation, so the connection drains until it closes.
        WebSocketClose.send(ctx, violation.closeStatus().code(), violation.closeStatus().reasonText());
    }
}
