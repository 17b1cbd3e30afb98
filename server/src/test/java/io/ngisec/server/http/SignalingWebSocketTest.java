package io.ngisec.server.http;

import io.ngisec.server.testing.RecordingWebSocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.signal.LocalSignalTransport;
import io.ngisec.server.signal.SignalingHub;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signaling over real WebSockets on loopback with the JDK WebSocket client. */
class SignalingWebSocketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestPki pki;
    private static FakeApi api;
    private static SignalingHub hub;
    private static PolicyHttpServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki("Acme");
        api = new FakeApi();
        hub = new SignalingHub(new LocalSignalTransport(), api::maySignal);
        server = new PolicyHttpServer();
        port = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), pki.serverTls, api, hub);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RecordingWebSocket connect(SSLContext context) {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        return RecordingWebSocket.open(client, URI.create("wss://localhost:" + port + "/v1/ws"));
    }

    private static RecordingWebSocket connect(TestPki.Device device) throws Exception {
        RecordingWebSocket peer = connect(pki.clientContext(device));
        // A ping answered proves the hub has registered the connection.
        peer.send("{\"type\":\"ping\"}");
        peer.next("pong");
        return peer;
    }

    @Test
    void signalReachesThePeerWithTheSenderId() throws Exception {
        TestPki.Device a = pki.device("alice");
        TestPki.Device b = pki.device("bob");
        RecordingWebSocket alice = connect(a);
        RecordingWebSocket bob = connect(b);

        JsonNode presence = alice.next("presence");
        assertThat(presence.path("deviceId").asText()).isEqualTo(b.id().toString());
        assertThat(presence.path("online").asBoolean()).isTrue();

        alice.send("{\"type\":\"signal\",\"to\":\"" + b.id() + "\",\"body\":{\"kind\":\"offer\",\"sdp\":\"v=0\"}}");
        JsonNode signal = bob.next("signal");
        assertThat(signal.path("from").asText()).isEqualTo(a.id().toString());
        assertThat(signal.path("body")).isEqualTo(JSON.readTree("{\"kind\":\"offer\",\"sdp\":\"v=0\"}"));
    }

    @Test
    void signalToAnOfflineDeviceAnswersOffline() throws Exception {
        RecordingWebSocket alice = connect(pki.device("alice"));
        DeviceId nobody = DeviceId.random();
        alice.send("{\"type\":\"signal\",\"to\":\"" + nobody + "\",\"body\":{}}");
        assertThat(alice.next("offline").path("to").asText()).isEqualTo(nobody.toString());
    }

    @Test
    void signalThePolicyForbidsAnswersDenied() throws Exception {
        TestPki.Device b = pki.device("bob");
        api.mayNotSignalTo.add(b.id());
        RecordingWebSocket alice = connect(pki.device("alice"));
        RecordingWebSocket bob = connect(b);
        alice.send("{\"type\":\"signal\",\"to\":\"" + b.id() + "\",\"body\":{\"x\":1}}");
        assertThat(alice.next("denied").path("to").asText()).isEqualTo(b.id().toString());
        bob.send("{\"type\":\"ping\"}");
        assertThat(bob.next("pong")).isNotNull();
        assertThat(bob.received).isEmpty();
    }

    @Test
    void revocationClosesTheRevokedSocketAndTellsTheOthers() throws Exception {
        TestPki.Device a = pki.device("alice");
        TestPki.Device m = pki.device("mallory");
        RecordingWebSocket alice = connect(a);
        RecordingWebSocket mallory = connect(m);

        api.revoked.add(m.id());
        hub.notifyRevoked(m.id());

        assertThat(mallory.closeCode()).isEqualTo(SignalingHub.CLOSE_REVOKED);
        assertThat(alice.next("revoked").path("deviceId").asText()).isEqualTo(m.id().toString());
        // And it cannot come back.
        assertThatThrownBy(() -> connect(pki.clientContext(m)))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void upgradeWithoutClientCertificateIs401() {
        assertThatThrownBy(() -> connect(pki.anonymousContext()))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void malformedFramesGetAnErrorAndTheConnectionStays() throws Exception {
        RecordingWebSocket alice = connect(pki.device("alice"));
        alice.send("{\"type\":");
        assertThat(alice.next("error").path("code").asText()).isEqualTo("malformed_json");
        alice.send("{\"type\":\"signal\",\"to\":\"not-a-device\",\"body\":{}}");
        assertThat(alice.next("error").path("code").asText()).isEqualTo("invalid_frame");
        alice.send("{\"type\":\"dance\"}");
        assertThat(alice.next("error").path("code").asText()).isEqualTo("unknown_type");
        alice.send("{\"type\":\"ping\"}");
        assertThat(alice.next("pong")).isNotNull();
    }

    @Test
    void binaryFrameClosesWith1003() throws Exception {
        RecordingWebSocket alice = connect(pki.device("alice"));
        alice.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat(alice.closeCode()).isEqualTo(1003);
    }

    @Test
    void oversizedMessageClosesWith1009() throws Exception {
        RecordingWebSocket alice = connect(pki.device("alice"));
        String huge = "{\"type\":\"signal\",\"to\":\"" + DeviceId.random() + "\",\"body\":{\"sdp\":\""
                + "x".repeat(40 * 1024) + "\"}}";
        alice.socket().sendText(huge, true);
        assertThat(alice.closeCode()).isEqualTo(1009);
    }
}
