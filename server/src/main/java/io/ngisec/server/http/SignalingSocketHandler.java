package io.ngisec.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.ReadTimeoutException;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.signal.RelayOutcome;
import io.ngisec.server.signal.SignalMessages;
import io.ngisec.server.signal.SignalingHub;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's signaling WebSocket once upgraded: registers it with the {@link SignalingHub},
 * turns its text frames into relays and pings, answers malformed frames with an error frame
 * (the connection stays up), and closes with 1003 on binary and 1009 on oversized messages.
 * Hub calls may block on the policy, so they run off the event loop, in the order frames came.
 * One instance per connection.
 */
final class SignalingSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(SignalingSocketHandler.class);

    private final SignalingHub hub;
    private final SerialExecutor work;
    // Set on the event loop before any task that reads it is queued.
    private volatile DeviceId device;
    // Set and used by tasks of {@link #work}; read on the event loop only as a last resort at shutdown.
    private volatile SignalingHub.Connection connection;

    /** A handler for one connection, running hub calls on {@code hubExecutor}. */
    SignalingSocketHandler(SignalingHub hub, Executor hubExecutor) {
        this.hub = hub;
        this.work = new SerialExecutor(hubExecutor);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            DeviceId id = ctx.channel().attr(ApiRouter.DEVICE).get();
            if (id == null) {
                // Only the router starts upgrades, and it sets the device first.
                ctx.close();
                return;
            }
            device = id;
            Channel channel = ctx.channel();
            run(ctx, () -> {
                connection = hub.connect(id, new ChannelSignalSink(channel));
                if (!channel.isActive()) {
                    connection.close();
                }
            });
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (device == null) {
            ctx.close();
        } else if (frame instanceof TextWebSocketFrame text) {
            String json = text.text();
            run(ctx, () -> onText(ctx, json));
        } else if (frame instanceof BinaryWebSocketFrame) {
            close(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(), "text frames only");
        }
        // Ping, pong and close frames are the protocol handler's; nothing else reaches here.
    }

    private void onText(ChannelHandlerContext ctx, String text) {
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (ApiException e) {
            reply(ctx, SignalMessages.error(e.code()));
            return;
        }
        switch (frame) {
            case ClientFrame.Ping ping -> reply(ctx, SignalMessages.pong());
            case ClientFrame.Signal signal -> {
                RelayOutcome outcome;
                try {
                    outcome = hub.relay(device, signal.to(), signal.body());
                } catch (RuntimeException e) {
                    log.error("relaying a signal from {} failed", device, e);
                    reply(ctx, SignalMessages.error("internal"));
                    return;
                }
                switch (outcome) {
                    case DELIVERED -> { }
                    case OFFLINE -> reply(ctx, SignalMessages.offline(signal.to()));
                    case DENIED -> reply(ctx, SignalMessages.denied(signal.to(), "the policy allows no service with this device"));
                }
            }
        }
    }

    private static void reply(ChannelHandlerContext ctx, String json) {
        ctx.writeAndFlush(new TextWebSocketFrame(json)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private static void close(ChannelHandlerContext ctx, int code, String reason) {
        WebSocketClose.send(ctx, code, reason);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (device != null) {
            try {
                work.execute(this::unregister);
            } catch (RejectedExecutionException e) {
                unregister(); // shutting down: no more tasks will run, so do it here
            }
        }
        super.channelInactive(ctx);
    }

    private void unregister() {
        SignalingHub.Connection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void run(ChannelHandlerContext ctx, Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            ctx.close(); // shutting down
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too large");
            return;
        }
        if (cause instanceof ReadTimeoutException) {
            log.debug("closing idle signaling connection of {}", device);
        } else {
            log.debug("signaling connection of {} failed: {}", device, cause.toString());
        }
        ctx.close();
    }
}
