package io.ngisec.client.netcheck;

import java.net.InetSocketAddress;

/**
 * Whether a TURN server granted an allocation with the credentials (RFC 8656 section 7). Immutable.
 *
 * @param allocated whether it did
 * @param relayed   the relayed transport address it allocated; null if none
 * @param error     why not, one line (such as {@code 401 Unauthorized: ...}); null when allocated
 */
public record TurnResult(boolean allocated, InetSocketAddress relayed, String error) {

    static TurnResult failed(String error) {
        return new TurnResult(false, null, error);
    }
}
