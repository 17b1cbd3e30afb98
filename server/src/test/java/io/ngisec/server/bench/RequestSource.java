package io.ngisec.server.bench;

import io.netty.handler.codec.http.FullHttpRequest;

/** The requests one connection sends, one after the other. Used by one connection's event loop only. */
@FunctionalInterface
interface RequestSource {

    /** A new request (the caller writes and so releases it), or null when there are no more. */
    FullHttpRequest next();
}
