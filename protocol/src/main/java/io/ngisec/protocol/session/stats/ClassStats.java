package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.qos.QosClass;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one session sent and received in one QoS class, as of a snapshot. Packets and bytes are
 * whole datagrams (record header and tag included: what the network carried); rates are over the
 * last second. Immutable.
 *
 * @param qosClass the class
 * @param dscp the DiffServ code point its packets are marked with ({@link QosClass#dscp()})
 * @param packetsSent DATA packets sent in this class
 * @param bytesSent their bytes
 * @param packetsLost packets of this class loss detection declared lost (RFC 9002: by packet or
 *     time threshold; a packet merely reordered past the threshold counts too)
 * @param packetsReceived authenticated DATA packets received in this class (duplicates excluded:
 *     the record layer drops them as replays)
 * @param bytesReceived their bytes
 * @param packetsReordered received packets whose number was below one already received in this class
 * @param sendRate bytes per second sent in this class over the last second
 * @param receiveRate bytes per second received in this class over the last second
 * @param jitter interarrival jitter of the packets received in this class, for the real-time
 *     class once enough packets arrived (see {@link TrafficCollector}); empty otherwise
 */
public record ClassStats(QosClass qosClass, int dscp, long packetsSent, long bytesSent, long packetsLost,
        long packetsReceived, long bytesReceived, long packetsReordered, double sendRate, double receiveRate,
        Optional<Duration> jitter) {

    public ClassStats {
        Objects.requireNonNull(qosClass, "qosClass");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** Packets declared lost over packets sent, 0 before any was sent. */
    public double lossRate() {
        return packetsSent == 0 ? 0 : (double) packetsLost / packetsSent;
    }

    /** Whether any packet of this class went either way. */
    public boolean active() {
        return packetsSent > 0 || packetsReceived > 0;
    }
}
