package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.qos.QosClass;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one session: its path, protection, RTT, congestion state, traffic per QoS class
 * and drops, all taken at one instant on the session's thread. Immutable and safe to hand to any
 * thread. What each figure means and how it is computed: docs/protocol.md, section 13.7.
 *
 * @param age time since the session's data path started
 * @param path the UDP flow and its candidate types
 * @param security handshake, cipher and key phases
 * @param rtt round-trip time estimate
 * @param congestion window, bytes in flight, pacing rate
 * @param classes figures per QoS class, an entry for every class
 * @param inbound loss on the way in, from gaps in the peer's packet numbers
 * @param datagramsSent real-time DATAGRAM frames sent
 * @param datagramsReceived real-time DATAGRAM frames received and queued for the application
 * @param drops what was dropped, by layer and reason
 */
public record SessionStats(Duration age, PathInfo path, SecurityStats security, RttStats rtt,
        CongestionStats congestion, Map<QosClass, ClassStats> classes, InboundLoss inbound, long datagramsSent,
        long datagramsReceived, DropCounts drops) {

    /** Copies {@code classes}, which must hold every class. */
    public SessionStats {
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(rtt, "rtt");
        Objects.requireNonNull(congestion, "congestion");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(drops, "drops");
        EnumMap<QosClass, ClassStats> copy = new EnumMap<>(QosClass.class);
        copy.putAll(classes);
        if (copy.size() != QosClass.values().length) {
            throw new IllegalArgumentException("classes missing: " + copy.keySet());
        }
        classes = Collections.unmodifiableMap(copy);
    }

    /** The figures of {@code qosClass}. */
    public ClassStats forClass(QosClass qosClass) {
        return classes.get(qosClass);
    }

    /** DATA packets sent, all classes. */
    public long packetsSent() {
        return classes.values().stream().mapToLong(ClassStats::packetsSent).sum();
    }

    /** DATA packets received, all classes. */
    public long packetsReceived() {
        return classes.values().stream().mapToLong(ClassStats::packetsReceived).sum();
    }

    /** Packets declared lost over packets sent, all classes; 0 before any was sent. */
    public double lossRate() {
        long sent = packetsSent();
        return sent == 0 ? 0 : (double) classes.values().stream().mapToLong(ClassStats::packetsLost).sum() / sent;
    }

    /** Bytes per second sent over the last second, all classes. */
    public double sendRate() {
        return classes.values().stream().mapToDouble(ClassStats::sendRate).sum();
    }

    /** Bytes per second received over the last second, all classes. */
    public double receiveRate() {
        return classes.values().stream().mapToDouble(ClassStats::receiveRate).sum();
    }
}
