package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.record.DropReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a session dropped or refused, by where and why, as of a snapshot. Immutable.
 *
 * @param recordLayer received datagrams the record layer dropped, with an entry for every reason
 *     (spec section 7: duplicates are REPLAY, forgeries AUTH_FAILED, classes above the ticket POLICY)
 * @param malformedFrames authenticated packets whose frames did not parse (spec section 13.6)
 * @param ackViolations authenticated packets whose ACK covered a packet never sent
 * @param streamErrors authenticated packets a stream refused (flow control, final size, unknown stream)
 * @param datagramQueueDrops real-time datagrams dropped because a queue (either way) was full
 * @param sealFailures packets the record layer refused to seal (closed, keys exhausted, policy)
 * @param inboxOverflow received datagrams dropped because the session's driver fell behind
 * @param pathSendFailures datagrams the path refused to send (it was closed)
 */
public record DropCounts(Map<DropReason, Long> recordLayer, long malformedFrames, long ackViolations, long streamErrors,
        long datagramQueueDrops, long sealFailures, long inboxOverflow, long pathSendFailures) {

    /** Copies {@code recordLayer}, adding a zero for every reason it lacks. */
    public DropCounts {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            copy.put(r, recordLayer.getOrDefault(r, 0L));
        }
        recordLayer = Collections.unmodifiableMap(copy);
    }

    /** Record-layer drops for {@code reason}. */
    public long recordLayer(DropReason reason) {
        return recordLayer.get(reason);
    }

    /** Duplicates: packet numbers received before (REPLAY) or too old to tell (TOO_OLD). */
    public long replay() {
        return recordLayer(DropReason.REPLAY) + recordLayer(DropReason.TOO_OLD);
    }

    /** Datagrams that failed authentication: forged, corrupted, or sealed with other keys. */
    public long auth() {
        return recordLayer(DropReason.AUTH_FAILED);
    }

    /** Authenticated records above the class the ticket allows their service. */
    public long policy() {
        return recordLayer(DropReason.POLICY);
    }

    /** Received datagrams dropped at any layer, for any reason (sending-side refusals not included). */
    public long inboundTotal() {
        long sum = malformedFrames + ackViolations + streamErrors + inboxOverflow;
        for (long n : recordLayer.values()) {
            sum += n;
        }
        return sum;
    }
}
