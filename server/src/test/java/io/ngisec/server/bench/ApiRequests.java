package io.ngisec.server.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The requests of the HTTP scenarios, as {@link RequestSource}s for one server authority (host:port). */
final class ApiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The server writes compact JSON.
    private static final String ALLOWED = "\"allowed\":true";

    private ApiRequests() {
    }

    /** GET /v1/health, forever. */
    static RequestSource health(String authority) {
        return () -> request(authority, HttpMethod.GET, "/v1/health", null);
    }

    /**
     * POST /v1/authorize for a call and chat with {@code peerDeviceId}, forever; a success is a 200
     * that allows it ({@code "allowed":true}), a 200 refusal counts as {@code 200_denied}.
     */
    static RequestSource authorize(String authority, String peerDeviceId) {
        byte[] body = json(new AuthorizeRequest(peerDeviceId, List.of("CALL", "CHAT")));
        return new RequestSource() {
            @Override
            public FullHttpRequest next() {
                return request(authority, HttpMethod.POST, "/v1/authorize", body);
            }

            @Override
            public String outcome(FullHttpResponse response) {
                int status = response.status().code();
                if (status == 200 && response.content().toString(StandardCharsets.UTF_8).indexOf(ALLOWED) < 0) {
                    return "200_denied";
                }
                return Integer.toString(status);
            }
        };
    }

    /**
     * POST /v1/enroll for one connection: takes the next of {@code enrollees} from the shared
     * counter {@code next} (so no invite is used twice across connections) until none is left, and
     * hands each 200 answer with its signing key to {@code enrolled}.
     */
    static RequestSource enroll(String authority, List<EnrollBodies.Enrollee> enrollees, AtomicInteger next,
                                EnrolledDevices enrolled) {
        return new RequestSource() {
            private EnrollBodies.Enrollee last;

            @Override
            public FullHttpRequest next() {
                int i = next.getAndIncrement();
                if (i >= enrollees.size()) {
                    return null;
                }
                last = enrollees.get(i);
                return request(authority, HttpMethod.POST, "/v1/enroll", last.body());
            }

            @Override
            public String outcome(FullHttpResponse response) {
                if (response.status().code() == 200) {
                    enrolled.enrolled(last.signingKey(), ByteBufUtil.getBytes(response.content()));
                }
                return Integer.toString(response.status().code());
            }
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
