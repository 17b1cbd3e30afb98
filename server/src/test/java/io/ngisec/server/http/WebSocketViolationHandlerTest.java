package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocol violations close with the decoder's code after a linger; other failures pass on. */
class WebSocketViolationHandlerTest {

    private final List<Throwable> passedOn = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketViolationHandler(),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    passedOn.add(cause);
                }
            });

    @Test
    void violationSendsItsCloseCodeOnceAndClosesAfterLinger() {
        CorruptedWebSocketFrameException tooBig =
                new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG, "Max frame length exceeded");
        channel.pipeline().fireExceptionCaught(tooBig);
        channel.pipeline().fireExceptionCaught(tooBig);

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1009);
        close.release();
        assertThat((Object) channel.readOutbound()).as("one close frame").isNull();
        assertThat(passedOn).isEmpty();
        SignalingSocketHandlerTest.assertClosesAfterLinger(channel);
    }

    @Test
    void otherFailuresPassOn() {
        IllegalStateException other = new IllegalStateException("x");
        channel.pipeline().fireExceptionCaught(other);
        assertThat(passedOn).containsExactly(other);
        assertThat((Object) channel.readOutbound()).isNull();
    }
}
