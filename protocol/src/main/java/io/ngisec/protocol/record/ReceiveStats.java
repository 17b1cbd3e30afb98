package io.ngisec.protocol.record;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of one session's receiving direction.
 *
 * @param phase current key phase (0 for the handshake's keys, +1 per rekey the peer made)
 * @param rekeys times the receiver promoted its next key phase to current
 * @param records records accepted, data and close
 * @param payloadBytes payload bytes accepted
 * @param drops dropped packets by reason, with an entry for every reason
 * @param keyAge how long ago the current phase became current
 * @param holdsPreviousKey whether the previous phase's key is still kept for in-flight packets
 */
public record ReceiveStats(long phase, long rekeys, long records, long payloadBytes,
        Map<DropReason, Long> drops, Duration keyAge, boolean holdsPreviousKey) {

    /** Copies {@code drops}. */
    public ReceiveStats {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        copy.putAll(drops);
        drops = Collections.unmodifiableMap(copy);
    }

    /** Dropped packets for all reasons together. */
    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
