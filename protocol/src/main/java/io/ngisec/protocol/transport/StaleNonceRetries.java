package io.ngisec.protocol.transport;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which TURN requests are retries after a 438 Stale Nonce (RFC 8656 section 9.2: retry with the
 * new nonce), so that a retry answered 438 again is not retried once more: a server that keeps
 * changing its nonce must not get a request per round trip. Remembers the latest 256 retries by
 * transaction id. Thread safe.
 */
final class StaleNonceRetries {

    static final int REMEMBERED = 256;

    private final Set<String> retries = new LinkedHashSet<>();

    /**
     * Whether the request with {@code transactionId}, just answered 438, may be retried: true for
     * an original request, false (once) for a retry. Forgets the id either way.
     */
    synchronized boolean mayRetry(byte[] transactionId) {
        return !retries.remove(key(transactionId));
    }

    /** Remembers that the request with {@code transactionId} is a retry. */
    synchronized void sent(byte[] transactionId) {
        if (retries.size() >= REMEMBERED) {
            retries.remove(retries.iterator().next());
        }
        retries.add(key(transactionId));
    }

    private static String key(byte[] transactionId) {
        return HexFormat.of().formatHex(transactionId);
    }
}
