package io.ngisec.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiRequestsTest {

    private final RequestSource authorize = ApiRequests.authorize("127.0.0.1:8443", "peer");

    @Test
    void anAllowedAuthorizationIsASuccess() {
        assertThat(authorize.outcome(response(HttpResponseStatus.OK, "{\"allowed\":true,\"ticket\":\"x\"}"))).isEqualTo("200");
    }

    @Test
    void aRefusedAuthorizationIsNotASuccessThoughItIs200() {
        assertThat(authorize.outcome(response(HttpResponseStatus.OK, "{\"allowed\":false,\"ticket\":null}")))
                .isEqualTo("200_denied");
    }

    @Test
    void anErrorIsItsStatus() {
        assertThat(authorize.outcome(response(HttpResponseStatus.FORBIDDEN, "{\"error\":{}}"))).isEqualTo("403");
    }

    @Test
    void successesCountOnlyStatusNames() {
        RequestStats stats = new RequestStats();
        stats.response("200", 1_000, 1);
        stats.response("200_denied", 1_000, 2);

        assertThat(stats.successes()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String json) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    }
}
