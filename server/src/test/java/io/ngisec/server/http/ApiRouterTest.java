package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router and its error mapping on an EmbeddedChannel: raw HTTP/1.1 in, response objects out. */
class ApiRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeviceId ALICE = DeviceId.parse("11111111-2222-3333-4444-555555555555");
    private static final String BOB = "66666666-7777-8888-9999-aaaaaaaaaaaa";

    private final FakeApi api = new FakeApi();
    private volatile DeviceId caller = ALICE;
    private final List<Object> forwarded = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        CallerAuthenticator authenticator = ch -> {
            if (caller == null) {
                throw ClientCertificateCheck.missing();
            }
            return caller;
        };
        channel = new EmbeddedChannel(new HttpRequestDecoder(), new JsonBodyAggregator(HttpSpec.MAX_BODY_BYTES),
                new ApiRouter(api, authenticator, Runnable::run), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        forwarded.add(msg);
                    }
                });
    }

    private FullHttpResponse exchange(String method, String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        channel.writeInbound(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), bytes));
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response to %s %s", method, path).isNotNull();
        return response;
    }

    private FullHttpResponse get(String path) {
        return exchange("GET", path, null, "");
    }

    private FullHttpResponse post(String path, String body) {
        return exchange("POST", path, "application/json", body);
    }

    private static JsonNode body(FullHttpResponse response) throws Exception {
        try {
            assertThat(response.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
            return JSON.readTree(response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }

    private static void assertError(FullHttpResponse response, int status, String code) throws Exception {
        assertThat(response.status().code()).isEqualTo(status);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void healthAnswersOk() throws Exception {
        FullHttpResponse response = get("/v1/health");
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(body(response).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertError(get("/v1/nope"), 404, "not_found");
        assertError(get("/v2/health"), 404, "not_found");
        assertError(get("/v1/health/../enroll"), 404, "not_found");
        assertError(post("/v1/directory", "{}"), 405, "method_not_allowed");
        assertError(exchange("DELETE", "/v1/enroll", null, ""), 405, "method_not_allowed");
        assertError(exchange("HEAD", "/v1/health", null, ""), 405, "method_not_allowed");
    }

    @Test
    void queryStringsDoNotChangeTheRoute() throws Exception {
        assertThat(get("/v1/health?x=1").status().code()).isEqualTo(200);
    }

    @Test
    void authenticatedRoutesWithoutCertificateAre401AndCallNothing() throws Exception {
        caller = null;
        assertError(get("/v1/directory"), 401, "client_certificate_required");
        assertError(get("/v1/turn"), 401, "client_certificate_required");
        assertError(post("/v1/renew", "{}"), 401, "client_certificate_required");
        assertError(post("/v1/authorize", "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[\"CALL\"]}"),
                401, "client_certificate_required");
        assertError(get("/v1/ws"), 401, "client_certificate_required");
        assertThat(api.calls).isEmpty();
    }

    @Test
    void revokedCallerIs403AndCallsNothing() throws Exception {
        api.revoked.add(ALICE);
        assertError(get("/v1/directory"), 403, "revoked");
        assertError(post("/v1/authorize", "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[\"CALL\"]}"), 403, "revoked");
        assertThat(api.calls).isEmpty();
    }

    @Test
    void authorizeParsesTheBodyAndAnswersTheApi() throws Exception {
        FullHttpResponse response = post("/v1/authorize", "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[\"CALL\",\"CHAT\"]}");
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(body(response).path("ticket").asText()).isEqualTo("dGlja2V0");
        assertThat(api.calls).containsExactly(ALICE, new AuthorizeRequest(BOB, List.of("CALL", "CHAT")));
    }

    @Test
    void renewTakesAnEmptyBodyOrAnOptionalKey() throws Exception {
        assertThat(post("/v1/renew", "").status().code()).isEqualTo(200);
        assertThat(post("/v1/renew", "{}").status().code()).isEqualTo(200);
        assertThat(post("/v1/renew", "{\"noiseKey\":\"AAAA\"}").status().code()).isEqualTo(200);
        assertThat(api.calls).containsExactly(ALICE, new RenewRequest(null), ALICE, new RenewRequest(null),
                ALICE, new RenewRequest("AAAA"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        for (String bad : List.of("", "{", "nope", "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[]} trailing",
                "{\"peerDeviceId\":\"a\",\"peerDeviceId\":\"b\",\"services\":[]}", "\u0000")) {
            assertError(post("/v1/authorize", bad), 400, "malformed_json");
        }
        assertThat(api.calls).isEmpty();
    }

    @Test
    void wrongShapesAre400InvalidRequest() throws Exception {
        for (String bad : List.of(
                "[]", "42", "\"text\"", "null",
                "{\"peerDeviceId\":42,\"services\":[\"CALL\"]}",
                "{\"peerDeviceId\":true,\"services\":[\"CALL\"]}",
                "{\"peerDeviceId\":\"" + BOB + "\",\"services\":\"CALL\"}",
                "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[1]}",
                "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[null]}",
                "{\"peerDeviceId\":\"" + BOB + "\"}",
                "{\"peerDeviceId\":null,\"services\":[]}",
                "{\"peerDeviceId\":{},\"services\":[]}",
                "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[],\"extra\":1}")) {
            FullHttpResponse response = post("/v1/authorize", bad);
            assertThat(response.status().code()).as(bad).isEqualTo(400);
            assertThat(body(response).path("error").path("code").asText()).as(bad).isEqualTo("invalid_request");
        }
        assertThat(api.calls).isEmpty();
    }

    @Test
    void errorMessagesNameTheFieldButNoClass() throws Exception {
        JsonNode unknown = body(post("/v1/authorize", "{\"peerDeviceId\":\"x\",\"services\":[],\"bogus\":1}"));
        assertThat(unknown.path("error").path("message").asText()).contains("bogus").doesNotContain("io.ngisec");
        JsonNode wrongType = body(post("/v1/authorize", "{\"peerDeviceId\":\"x\",\"services\":7}"));
        assertThat(wrongType.path("error").path("message").asText()).contains("services").doesNotContain("io.ngisec");
    }

    @Test
    void apiRefusalsKeepTheirStatusAndCode() throws Exception {
        api.refusal = new ApiException(409, "invite_used", "this invite was already used");
        FullHttpResponse response = post("/v1/enroll",
                "{\"invite\":\"i\",\"deviceName\":\"d\",\"signingKey\":\"AA\",\"noiseKey\":\"BB\"}");
        assertThat(response.status().code()).isEqualTo(409);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invite_used");
        assertThat(error.path("message").asText()).isEqualTo("this invite was already used");
    }

    @Test
    void unexpectedFailuresAre500WithoutDetail() throws Exception {
        api.failure = new IllegalStateException("jdbc:postgresql://db password=hunter2");
        FullHttpResponse response = get("/v1/directory");
        assertThat(response.status().code()).isEqualTo(500);
        String text = response.content().toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("hunter2").doesNotContain("IllegalState").doesNotContain("at io.");
        assertError(response, 500, "internal");
    }

    @Test
    void bodyOverTheLimitIs413AndTheConnectionStaysUsable() throws Exception {
        String big = "{\"invite\":\"" + "a".repeat(100 * 1024) + "\"}";
        assertError(post("/v1/enroll", big), 413, "body_too_large");
        assertThat(channel.isOpen()).isTrue();
        assertThat(get("/v1/health").status().code()).isEqualTo(200);
        assertThat(api.calls).isEmpty();
    }

    @Test
    void bodyOfExactlyTheLimitIsParsed() throws Exception {
        String prefix = "{\"invite\":\"";
        String suffix = "\",\"deviceName\":\"d\",\"signingKey\":\"AA\",\"noiseKey\":\"BB\"}";
        String exact = prefix + "a".repeat(HttpSpec.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        assertThat(post("/v1/enroll", exact).status().code()).isEqualTo(200);
    }

    @Test
    void nonJsonContentTypeIs415() throws Exception {
        assertError(exchange("POST", "/v1/enroll", "text/plain", "{}"), 415, "unsupported_media_type");
        assertError(exchange("POST", "/v1/enroll", "application/json; charset=iso-8859-1", "{}"),
                415, "unsupported_media_type");
    }

    @Test
    void garbageHttpIs400AndCloses() throws Exception {
        channel.writeInbound(Unpooled.copiedBuffer("\u0001\u0002 nonsense\r\n\r\n", StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
        FullHttpResponse response = channel.readOutbound();
        assertError(response, 400, "bad_request");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void plainGetOnTheWebSocketPathIs400() throws Exception {
        assertError(get("/v1/ws"), 400, "websocket_required");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void allowedUpgradeIsPassedOnWithTheDevice() {
        String head = "GET /v1/ws?x=y HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        assertThat(forwarded).singleElement().isInstanceOfSatisfying(FullHttpRequest.class,
                r -> assertThat(r.uri()).isEqualTo("/v1/ws"));
        assertThat(channel.attr(ApiRouter.DEVICE).get()).isEqualTo(ALICE);
        Object answer = channel.readOutbound();
        assertThat(answer).isNull();
        forwarded.forEach(m -> ((FullHttpRequest) m).release());
    }

    @Test
    void revokedDeviceCannotUpgrade() throws Exception {
        api.revoked.add(ALICE);
        String head = "GET /v1/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
        assertError(channel.readOutbound(), 403, "revoked");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void mutatedBodiesGetOnly200Or400() throws Exception {
        String valid = "{\"peerDeviceId\":\"" + BOB + "\",\"services\":[\"CALL\"]}";
        SplittableRandom random = new SplittableRandom(20261125);
        for (int i = 0; i < 2_000; i++) {
            char[] mutated = valid.toCharArray();
            for (int j = random.nextInt(1, 4); j > 0; j--) {
                mutated[random.nextInt(mutated.length)] = (char) random.nextInt(0x20, 0x7f);
            }
            FullHttpResponse response = post("/v1/authorize", new String(mutated));
            int status = response.status().code();
            JsonNode body = body(response);
            assertThat(status).as(new String(mutated)).isIn(200, 400);
            if (status == 400) {
                assertThat(body.path("error").path("code").asText()).isIn("malformed_json", "invalid_request");
            }
        }
    }
}
