package io.ngisec.server.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.ngisec.server.api.Messages.AuthorizeRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The requests of the HTTP scenarios, as {@link RequestSource}s for one server authority (host:port). */
final class ApiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiRequests() {
    }

    /** GET /v1/health, forever. */
    static RequestSource health(String authority) {
        return () -> request(authority, HttpMethod.GET, "/v1/health", null);
    }

    /** POST /v1/authorize for a call to {@code peerDeviceId}, forever. */
    static RequestSource authorize(String authority, String peerDeviceId) {
        byte[] body = json(new AuthorizeRequest(peerDeviceId, List.of("CALL")));
        return () -> request(authority, HttpMethod.POST, "/v1/authorize", body);
    }

    /**
     * POST /v1/enroll with each of {@code bodies} once, then no more. Thread safe, so that all
     * connections can share one source and no invite is used twice.
     */
    static RequestSource enroll(String authority, List<byte[]> bodies) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int i = next.getAndIncrement();
            return i < bodies.size() ? request(authority, HttpMethod.POST, "/v1/enroll", bodies.get(i)) : null;
        };
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message record must serialize", e);
        }
    }

    private static FullHttpRequest request(String authority, HttpMethod method, String path, byte[] body) {
        FullHttpRequest request = body == null
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.EMPTY_BUFFER)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, authority);
        if (body != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return request;
    }
}
