package io.ngisec.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator with the API's JSON errors: a body over the limit gets 413 body_too_large
 * (not an empty 413), and a refused "Expect: 100-continue" gets a JSON error too. As in Netty, the
 * connection stays open when the client asked for keep-alive and has not sent the body yet, so the
 * rest of the body is read and dropped; otherwise it is closed after the answer.
 */
final class JsonBodyAggregator extends HttpObjectAggregator {

    JsonBodyAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keepAlive = !(oversized instanceof FullHttpMessage)
                && (HttpUtil.is100ContinueExpected(oversized) || HttpUtil.isKeepAlive(oversized));
        HttpResponses.send(ctx, tooLarge(), keepAlive);
        if (keepAlive && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refusal && refusal.status().code() >= 400) {
            int status = refusal.status().code();
            ReferenceCountUtil.release(refusal);
            return status == 413 ? tooLarge()
                    : HttpResponses.error(status, "expectation_failed", "unsupported Expect header");
        }
        return response;
    }

    private FullHttpResponse tooLarge() {
        return HttpResponses.error(413, "body_too_large", "the body is larger than " + maxContentLength() + " bytes");
    }
}
