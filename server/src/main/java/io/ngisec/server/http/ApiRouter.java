package io.ngisec.server.http;

import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.AttributeKey;
import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.api.PolicyServerApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the /v1 routes: checks path and method, authenticates the caller where the route needs
 * it, parses the JSON body, calls {@link PolicyServerApi} and maps every refusal to a JSON error.
 * A valid WebSocket upgrade on /v1/ws from an allowed device is passed on to the next handler with
 * the device id in {@link #DEVICE}. API calls may block, so they run off the event loop, one
 * request of a connection at a time so that answers keep the order of requests. One instance
 * per connection.
 */
final class ApiRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** The authenticated device of a connection upgraded to signaling. */
    static final AttributeKey<DeviceId> DEVICE = AttributeKey.valueOf(ApiRouter.class, "device");

    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);

    private static final ObjectReader ENROLL = Json.strictReader(EnrollRequest.class);
    private static final ObjectReader RENEW = Json.lenientReader(RenewRequest.class);
    private static final ObjectReader AUTHORIZE = Json.strictReader(AuthorizeRequest.class);

    private static final Map<String, HttpMethod> METHODS = Map.of(
            HttpSpec.ENROLL, HttpMethod.POST,
            HttpSpec.RENEW, HttpMethod.POST,
            HttpSpec.DIRECTORY, HttpMethod.GET,
            HttpSpec.AUTHORIZE, HttpMethod.POST,
            HttpSpec.TURN, HttpMethod.GET,
            HttpSpec.REVOCATIONS, HttpMethod.GET,
            HttpSpec.HEALTH, HttpMethod.GET,
            HttpSpec.WEBSOCKET, HttpMethod.GET);

    private final PolicyServerApi api;
    private final CallerAuthenticator authenticator;
    private final SerialExecutor work;
    private final AtomicInteger pending = new AtomicInteger();

    /** A router for one connection, running API calls on {@code apiExecutor}. */
    ApiRouter(PolicyServerApi api, CallerAuthenticator authenticator, Executor apiExecutor) {
        this.api = api;
        this.authenticator = authenticator;
        this.work = new SerialExecutor(apiExecutor);
    }

    private record Health(String status) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (pending.incrementAndGet() >= HttpTunables.MAX_PIPELINED_REQUESTS) {
            // A client far ahead of our answers waits until we catch up.
            ctx.channel().config().setAutoRead(false);
        }
        request.retain();
        try {
            work.execute(() -> {
                try {
                    answer(ctx, request);
                } finally {
                    request.release();
                    if (pending.decrementAndGet() == 0) {
                        ctx.channel().config().setAutoRead(true);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            request.release();
            ctx.close(); // shutting down
        }
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            HttpResponses.send(ctx, HttpResponses.error(400, "bad_request", "not a valid HTTP/1.1 request"), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse response;
        try {
            response = route(ctx, request);
            if (response == null) {
                return; // passed on as a WebSocket upgrade
            }
        } catch (ApiException e) {
            response = HttpResponses.error(e);
        } catch (RuntimeException e) {
            log.error("{} {} failed", request.method(), new QueryStringDecoder(request.uri()).path(), e);
            response = HttpResponses.error(500, "internal", "internal error");
        }
        HttpResponses.send(ctx, response, keepAlive);
    }

    private FullHttpResponse route(ChannelHandlerContext ctx, FullHttpRequest request) throws ApiException {
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = METHODS.get(path);
        if (method == null) {
            throw ApiException.notFound("not_found", "no such route");
        }
        if (!method.equals(request.method())) {
            throw new ApiException(405, "method_not_allowed", path + " takes " + method);
        }
        if (method.equals(HttpMethod.POST)) {
            requireJson(request);
        }
        return switch (path) {
            case HttpSpec.ENROLL -> ok(api.enroll(Json.read(ENROLL, body(request)), remote(ctx.channel().remoteAddress())));
            case HttpSpec.RENEW -> {
                DeviceId caller = caller(ctx);
                byte[] body = body(request);
                RenewRequest renew = body.length == 0 ? new RenewRequest(null) : Json.read(RENEW, body);
                yield ok(api.renew(caller, renew));
            }
            case HttpSpec.DIRECTORY -> ok(api.directory(caller(ctx)));
            case HttpSpec.AUTHORIZE -> {
                DeviceId caller = caller(ctx);
                yield ok(api.authorize(caller, Json.read(AUTHORIZE, body(request))));
            }
            case HttpSpec.TURN -> ok(api.turnCredentials(caller(ctx)));
            case HttpSpec.REVOCATIONS -> ok(api.revocations());
            case HttpSpec.HEALTH -> ok(new Health("ok"));
            case HttpSpec.WEBSOCKET -> upgrade(ctx, request);
            default -> throw new IllegalStateException("route without handler: " + path);
        };
    }

    private FullHttpResponse upgrade(ChannelHandlerContext ctx, FullHttpRequest request) throws ApiException {
        DeviceId caller = caller(ctx);
        // Netty's handshaker would answer a bad upgrade in plain text; refuse it here in JSON.
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                || !request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                || !request.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            throw ApiException.badRequest("websocket_required", "/v1/ws takes a WebSocket upgrade");
        }
        if (!WebSocketVersion.V13.toHttpHeaderValue().equals(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            throw new ApiException(426, "websocket_version", "WebSocket version 13 is required");
        }
        ctx.channel().attr(DEVICE).set(caller);
        request.setUri(HttpSpec.WEBSOCKET);
        FullHttpRequest upgrade = request.retain();
        ctx.executor().execute(() -> ctx.fireChannelRead(upgrade));
        return null;
    }

    /** The authenticated caller, if still allowed to use the server. */
    private DeviceId caller(ChannelHandlerContext ctx) throws ApiException {
        DeviceId caller = authenticator.authenticate(ctx.channel());
        if (!api.mayConnect(caller)) {
            throw ApiException.forbidden("revoked", "this device is revoked or unknown");
        }
        return caller;
    }

    private static void requireJson(FullHttpRequest request) throws ApiException {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && !HttpUtil.getMimeType(type).toString().equalsIgnoreCase("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "the body must be application/json");
        }
        CharSequence charset = type == null ? null : HttpUtil.getCharsetAsSequence(type);
        if (charset != null && !charset.toString().equalsIgnoreCase("utf-8")) {
            throw new ApiException(415, "unsupported_media_type", "the body must be UTF-8");
        }
    }

    private static byte[] body(FullHttpRequest request) {
        return ByteBufUtil.getBytes(request.content());
    }

    private static FullHttpResponse ok(Object value) {
        return HttpResponses.json(HttpResponseStatus.OK, Json.write(value));
    }

    private static String remote(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            log.debug("closing idle connection from {}", ctx.channel().remoteAddress());
        } else if (cause instanceof IOException || cause instanceof SSLException
                || cause.getCause() instanceof SSLException) {
            log.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("connection from {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
