package io.ngisec.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.ngisec.server.signal.SignalSink;

/**
 * A {@link SignalSink} writing text frames to one WebSocket connection. A device that does not
 * read (Netty's write buffer over its high-water mark) is disconnected rather than buffered
 * without bound. Thread safe (Netty channels are); never blocks or throws.
 */
final class ChannelSignalSink implements SignalSink {

    private final Channel channel;

    ChannelSignalSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(String json) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), "not reading");
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(json)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    public void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
