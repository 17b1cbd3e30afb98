package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.signal.LocalSignalTransport;
import io.ngisec.server.signal.SignalingHub;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The signaling frame handler on an EmbeddedChannel, hub calls run inline. */
class SignalingSocketHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeApi api = new FakeApi();
    private final SignalingHub hub = new SignalingHub(new LocalSignalTransport(), api::maySignal);
    private final DeviceId alice = DeviceId.random();

    private EmbeddedChannel upgraded(DeviceId device) {
        EmbeddedChannel channel = new EmbeddedChannel(new SignalingSocketHandler(hub, Runnable::run));
        channel.attr(ApiRouter.DEVICE).set(device);
        channel.pipeline().fireUserEventTriggered(new HandshakeComplete("/v1/ws", new DefaultHttpHeaders(), null));
        return channel;
    }

    private static JsonNode nextText(EmbeddedChannel channel) throws Exception {
        TextWebSocketFrame frame = channel.readOutbound();
        assertThat(frame).isNotNull();
        try {
            return JSON.readTree(frame.text());
        } finally {
            frame.release();
        }
    }

    @Test
    void handshakeRegistersAndInactiveUnregisters() {
        EmbeddedChannel channel = upgraded(alice);
        assertThat(hub.isOnline(alice)).isTrue();
        channel.close();
        assertThat(hub.isOnline(alice)).isFalse();
    }

    @Test
    void pingGetsPongAndBadFramesGetErrors() throws Exception {
        EmbeddedChannel channel = upgraded(alice);
        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ping\"}"));
        assertThat(nextText(channel).path("type").asText()).isEqualTo("pong");
        channel.writeInbound(new TextWebSocketFrame("{oops"));
        JsonNode error = nextText(channel);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("malformed_json");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void signalsAreRelayedAndAnswered() throws Exception {
        DeviceId bob = DeviceId.random();
        EmbeddedChannel aliceChannel = upgraded(alice);
        EmbeddedChannel bobChannel = upgraded(bob);
        assertThat(nextText(aliceChannel).path("type").asText()).isEqualTo("presence");

        aliceChannel.writeInbound(new TextWebSocketFrame("{\"type\":\"signal\",\"to\":\"" + bob + "\",\"body\":{\"n\":1}}"));
        bobChannel.runPendingTasks();
        JsonNode signal = nextText(bobChannel);
        assertThat(signal.path("from").asText()).isEqualTo(alice.toString());
        assertThat(signal.path("body").path("n").asInt()).isEqualTo(1);

        DeviceId nobody = DeviceId.random();
        aliceChannel.writeInbound(new TextWebSocketFrame("{\"type\":\"signal\",\"to\":\"" + nobody + "\",\"body\":{}}"));
        assertThat(nextText(aliceChannel).path("type").asText()).isEqualTo("offline");

        api.mayNotSignalTo.add(bob);
        aliceChannel.writeInbound(new TextWebSocketFrame("{\"type\":\"signal\",\"to\":\"" + bob + "\",\"body\":{}}"));
        JsonNode denied = nextText(aliceChannel);
        assertThat(denied.path("type").asText()).isEqualTo("denied");
        assertThat(denied.path("to").asText()).isEqualTo(bob.toString());
    }

    @Test
    void binaryFrameClosesWith1003() {
        EmbeddedChannel channel = upgraded(alice);
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1003);
        close.release();
        assertClosesAfterLinger(channel);
    }

    @Test
    void oversizedMessageClosesWith1009() {
        EmbeddedChannel channel = upgraded(alice);
        channel.pipeline().fireExceptionCaught(new TooLongFrameException("too long"));
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1009);
        close.release();
        assertClosesAfterLinger(channel);
    }

    static void assertClosesAfterLinger(EmbeddedChannel channel) {
        assertThat(channel.isOpen()).as("open while the client reads the close frame").isTrue();
        channel.advanceTimeBy(WebSocketClose.LINGER.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void framesBeforeTheHandshakeCloseTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new SignalingSocketHandler(hub, Runnable::run));
        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ping\"}"));
        assertThat(channel.isOpen()).isFalse();
    }
}
