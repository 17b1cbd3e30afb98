package io.ngisec.client.diag;

import io.ngisec.client.call.CallStats;
import java.time.Instant;
import java.util.Optional;

/**
 * One call as {@code ngisec diag} shows it: with whom, when, how it ended, and its latest statistics.
 *
 * @param endReason the {@link io.ngisec.client.call.CallEndReason} name once it ended
 * @param endMessage the line both users read once it ended
 */
public record CallRecord(String callId, String peerUser, String peerDevice, boolean outgoing, Instant startedAt,
        Instant updatedAt, Optional<Instant> endedAt, Optional<String> endReason, Optional<String> endMessage,
        Optional<CallStats> stats) {
}
