package io.ngisec.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.ngisec.protocol.api.Messages.ErrorBody;
import io.ngisec.protocol.api.Messages.ErrorDetail;
import io.ngisec.server.api.ApiException;

/** Builds and sends the API's JSON responses, errors included. Stateless and thread safe. */
final class HttpResponses {

    private HttpResponses() {
    }

    /** A response with {@code body} (already JSON) and the headers every API response carries. */
    static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    /** {@code {"error":{"code":..,"message":..}}} with {@code status}. */
    static FullHttpResponse error(int status, String code, String message) {
        return json(HttpResponseStatus.valueOf(status), Json.write(new ErrorBody(new ErrorDetail(code, message))));
    }

    static FullHttpResponse error(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    /** Sends {@code response}, then closes the connection unless {@code keepAlive}. */
    static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
