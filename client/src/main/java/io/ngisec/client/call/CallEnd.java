package io.ngisec.client.call;

import java.util.Objects;

/**
 * How a call ended: the reason, whether the peer's side caused it, and the one line to show,
 * written from this side's point of view and naming the peer's user ({@code "bob declined the call"}).
 */
public record CallEnd(CallEndReason reason, boolean byPeer, String message) {

    public CallEnd {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
