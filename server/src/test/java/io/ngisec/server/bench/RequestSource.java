package io.ngisec.server.bench;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/** The requests one connection sends, one after the other. Used by one connection's event loop only. */
@FunctionalInterface
interface RequestSource {

    /** A new request (the caller writes and so releases it), or null when there are no more. */
    FullHttpRequest next();

    /**
     * What the answer to the last request counts as: its status code, which is a success when 2xx,
     * or another name when a 2xx answer is not the success the scenario wants. Called for every
     * answer, measured or not.
     */
    default String outcome(FullHttpResponse response) {
        return Integer.toString(response.status().code());
    }
}
