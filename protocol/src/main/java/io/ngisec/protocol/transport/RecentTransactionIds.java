package io.ngisec.protocol.transport;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A bounded set of STUN transaction ids: the latest 256 remembered, older ones forgotten. The TURN
 * harvest keeps two: the retries it sent after a 438 Stale Nonce (a retry answered 438 again is
 * not retried once more), and the transactions that got an answer (ice4j may still report such a
 * transaction as timed out: see {@link TurnAllocationHarvest}). Thread safe.
 */
final class RecentTransactionIds {

    static final int REMEMBERED = 256;

    private final Set<String> ids = new LinkedHashSet<>();

    /** Remembers {@code transactionId}, forgetting the oldest beyond {@link #REMEMBERED}. */
    synchronized void remember(byte[] transactionId) {
        if (ids.size() >= REMEMBERED) {
            ids.remove(ids.iterator().next());
        }
        ids.add(key(transactionId));
    }

    /** Forgets {@code transactionId}; whether it was remembered. */
    synchronized boolean forget(byte[] transactionId) {
        return ids.remove(key(transactionId));
    }

    private static String key(byte[] transactionId) {
        return HexFormat.of().formatHex(transactionId);
    }
}
