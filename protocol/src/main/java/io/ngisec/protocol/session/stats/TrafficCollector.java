package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.qos.QosClass;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-class traffic figures of one session, fed by its data path at three points: a DATA
 * packet sealed and sent, one authenticated on arrival, one declared lost. The hooks take
 * primitives and touch only arrays and fields (no allocation, no lock), so they can sit in the
 * per-packet path; {@link #classStats} builds the immutable view.
 *
 * <p>Reordering counts a packet whose number is below the highest already received in its class
 * (across classes it is expected: voice may overtake bulk in a DSCP-aware queue). Jitter is kept
 * for {@link QosClass#VOICE}, the real-time class, per {@link InterarrivalJitter}. Losses of a
 * packet more than {@link SentClassLog#CAPACITY} numbers old cannot be given a class and are
 * counted apart ({@link #unattributedLosses()}).
 *
 * <p>Not thread safe: the session's thread owns it, and snapshots are taken there or under the
 * lock that guards the session. Times are caller-supplied nanoseconds and must not go back.
 */
public final class TrafficCollector {

    private static final QosClass[] CLASSES = QosClass.values();

    /** Counters of one class; fields, not a record, so the hooks update in place. */
    private static final class PerClass {
        long packetsSent;
        long bytesSent;
        long packetsLost;
        long packetsReceived;
        long bytesReceived;
        long packetsReordered;
        long highestReceived = -1;
        final RateWindow sendRate = new RateWindow();
        final RateWindow receiveRate = new RateWindow();
    }

    private final PerClass[] classes = new PerClass[CLASSES.length];
    private final SentClassLog sentClasses = new SentClassLog();
    private final InterarrivalJitter voiceJitter = new InterarrivalJitter();
    private long highestReceived = -1;
    private long packetsReceived;
    private long unattributedLosses;

    /** A collector with nothing counted. */
    public TrafficCollector() {
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new PerClass();
        }
    }

    /** DATA packet {@code packetNumber} of {@code bytes} (whole datagram) went out as {@code qosClass}. */
    public void onSent(QosClass qosClass, long packetNumber, int bytes, long nowNanos) {
        PerClass c = classes[qosClass.ordinal()];
        c.packetsSent++;
        c.bytesSent += bytes;
        c.sendRate.add(nowNanos, bytes);
        sentClasses.record(packetNumber, qosClass);
    }

    /** An authenticated DATA packet {@code packetNumber} of {@code bytes} arrived in {@code qosClass}. */
    public void onReceived(QosClass qosClass, long packetNumber, int bytes, long nowNanos) {
        PerClass c = classes[qosClass.ordinal()];
        c.packetsReceived++;
        c.bytesReceived += bytes;
        c.receiveRate.add(nowNanos, bytes);
        if (packetNumber < c.highestReceived) {
            c.packetsReordered++;
        } else {
            c.highestReceived = packetNumber;
        }
        if (qosClass == QosClass.VOICE) {
            voiceJitter.onArrival(nowNanos);
        }
        packetsReceived++;
        highestReceived = Math.max(highestReceived, packetNumber);
    }

    /** Loss detection declared packet {@code packetNumber} lost. */
    public void onLost(long packetNumber) {
        QosClass c = sentClasses.classOf(packetNumber);
        if (c == null) {
            unattributedLosses++;
        } else {
            classes[c.ordinal()].packetsLost++;
        }
    }

    /** The figures of every class (an entry for each) at {@code nowNanos}; immutable. */
    public Map<QosClass, ClassStats> classStats(long nowNanos) {
        EnumMap<QosClass, ClassStats> out = new EnumMap<>(QosClass.class);
        for (QosClass q : CLASSES) {
            PerClass c = classes[q.ordinal()];
            Optional<Duration> jitter = q == QosClass.VOICE && voiceJitter.hasEstimate()
                    ? Optional.of(Duration.ofNanos(voiceJitter.jitterNanos()))
                    : Optional.empty();
            out.put(q, new ClassStats(q, q.dscp(), c.packetsSent, c.bytesSent, c.packetsLost, c.packetsReceived,
                    c.bytesReceived, c.packetsReordered, c.sendRate.rate(nowNanos), c.receiveRate.rate(nowNanos),
                    jitter));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Loss on the way in, from the gaps in the received packet numbers. */
    public InboundLoss inbound() {
        return new InboundLoss(highestReceived, packetsReceived);
    }

    /** Losses declared for packets too old for {@link SentClassLog} to know their class. */
    public long unattributedLosses() {
        return unattributedLosses;
    }
}
