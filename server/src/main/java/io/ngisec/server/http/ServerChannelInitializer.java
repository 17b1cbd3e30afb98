package io.ngisec.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.ngisec.server.api.PolicyServerApi;
import io.ngisec.server.signal.SignalingHub;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The pipeline of every accepted connection, in order; also tracks the connection in {@code open}. Thread safe. */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final SslContext ssl;
    private final PolicyServerApi api;
    private final CallerAuthenticator authenticator;
    private final SignalingHub hub;
    private final Executor apiExecutor;
    private final ChannelGroup open;

    ServerChannelInitializer(SslContext ssl, PolicyServerApi api, CallerAuthenticator authenticator, SignalingHub hub,
                             Executor apiExecutor, ChannelGroup open) {
        this.ssl = ssl;
        this.api = api;
        this.authenticator = authenticator;
        this.open = open;
        this.hub = hub;
        this.apiExecutor = apiExecutor;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        open.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("tls", ssl.newHandler(channel.alloc()));
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("violations", new WebSocketViolationHandler());
        pipeline.addLast("body", new JsonBodyAggregator(HttpSpec.MAX_BODY_BYTES));
        pipeline.addLast("timeout", new ReadTimeoutHandler(HttpTunables.IDLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        pipeline.addLast("router", new ApiRouter(api, authenticator, apiExecutor));
        // Everything below only sees traffic once the router has passed on an allowed upgrade.
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(webSocketConfig()));
        pipeline.addLast("messages", new WebSocketFrameAggregator(HttpTunables.MAX_WS_MESSAGE_BYTES));
        pipeline.addLast("signaling", new SignalingSocketHandler(hub, apiExecutor));
    }

    private static WebSocketServerProtocolConfig webSocketConfig() {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HttpSpec.WEBSOCKET)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(HttpTunables.MAX_WS_MESSAGE_BYTES)
                        .allowExtensions(false)
                        .closeOnProtocolViolation(false) // WebSocketViolationHandler closes, lingering
                        .withUTF8Validator(true)
                        .build())
                .build();
    }
}
