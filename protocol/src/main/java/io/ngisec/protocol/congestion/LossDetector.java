package io.ngisec.protocol.congestion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Loss detection of RFC 9002, section 6, for a single packet-number space: tracks sent packets
 * until an ACK covers them or they are declared lost, by the packet threshold ({@link
 * RecoveryConstants#PACKET_THRESHOLD} later packets acknowledged) or the time threshold (9/8 of
 * max(smoothed_rtt, latest_rtt) older than an acknowledged packet), feeds RTT samples to its
 * {@link RttEstimator}, and keeps the loss-detection timer: the earliest time-threshold loss, else
 * the probe timeout with exponential backoff. Every packet counts toward bytes in flight. Not
 * thread-safe: one sender thread owns it.
 */
public final class LossDetector {

    private final RttEstimator rtt;
    private final NavigableMap<Long, SentPacket> sent = new TreeMap<>();
    private long largestSent = -1;
    private long largestAcked = -1;
    private long bytesInFlight;
    private int ackElicitingInFlight;
    private long timeOfLastAckElicitingSent;
    private long lossTime = Long.MAX_VALUE;
    private int ptoCount;

    /** A detector that updates {@code rtt} with every RTT sample it takes. */
    public LossDetector(RttEstimator rtt) {
        this.rtt = rtt;
    }

    /**
     * Records a sent packet. Packet numbers must increase and send times must not go back, which
     * lets loss detection stop at the first packet that is not lost.
     */
    public void onPacketSent(SentPacket packet) {
        if (packet.packetNumber() <= largestSent) {
            throw new IllegalArgumentException("packet number " + packet.packetNumber() + " not above " + largestSent);
        }
        if (!sent.isEmpty() && packet.timeSentNanos() < sent.lastEntry().getValue().timeSentNanos()) {
            throw new IllegalArgumentException("send time went back");
        }
        largestSent = packet.packetNumber();
        sent.put(packet.packetNumber(), packet);
        bytesInFlight += packet.bytes();
        if (packet.ackEliciting()) {
            ackElicitingInFlight++;
            timeOfLastAckElicitingSent = packet.timeSentNanos();
        }
    }

    /**
     * Processes an ACK of {@code ranges} (any order) carrying the peer's {@code ackDelayNanos},
     * received at {@code nowNanos}. Ranges over packets already acknowledged or declared lost are
     * ignored, as the RFC asks.
     *
     * @throws AckViolation if a range covers a packet number never sent; nothing is changed then
     */
    public AckOutcome onAck(List<AckRange> ranges, long ackDelayNanos, long nowNanos) throws AckViolation {
        long largestInAck = -1;
        for (AckRange range : ranges) {
            if (range.high() > largestSent) {
                throw new AckViolation("ack of unsent packet " + range.high() + ", largest sent " + largestSent);
            }
            largestInAck = Math.max(largestInAck, range.high());
        }
        List<SentPacket> acked = new ArrayList<>();
        for (AckRange range : ranges) {
            Iterator<SentPacket> it = sent.subMap(range.low(), true, range.high(), true).values().iterator();
            while (it.hasNext()) {
                SentPacket p = it.next();
                it.remove();
                removeFromFlight(p);
                acked.add(p);
            }
        }
        if (acked.isEmpty()) {
            return new AckOutcome(List.of(), List.of());
        }
        acked.sort((a, b) -> Long.compare(a.packetNumber(), b.packetNumber()));
        largestAcked = Math.max(largestAcked, largestInAck);
        SentPacket newest = acked.getLast();
        // Only the largest acknowledged packet gives an RTT sample, and only if this ACK newly covers it.
        if (newest.packetNumber() == largestInAck && acked.stream().anyMatch(SentPacket::ackEliciting)) {
            rtt.update(nowNanos - newest.timeSentNanos(), ackDelayNanos);
        }
        List<SentPacket> lost = detectLost(nowNanos);
        ptoCount = 0;
        return new AckOutcome(acked, lost);
    }

    /**
     * Runs the loss-detection timer's action once {@link #lossDetectionDeadline()} has passed:
     * time-threshold losses if any are due, otherwise a probe timeout, which doubles the next one.
     */
    public TimeoutOutcome onLossDetectionTimeout(long nowNanos) {
        if (lossTime != Long.MAX_VALUE) {
            return new TimeoutOutcome(detectLost(nowNanos), false);
        }
        if (ackElicitingInFlight == 0) {
            return new TimeoutOutcome(List.of(), false);
        }
        ptoCount++;
        return new TimeoutOutcome(List.of(), true);
    }

    /**
     * When the loss-detection timer should fire: the earliest time-threshold loss time if one is
     * pending, else the probe timeout counted from the last ack-eliciting packet, else none.
     */
    public OptionalLong lossDetectionDeadline() {
        if (lossTime != Long.MAX_VALUE) {
            return OptionalLong.of(lossTime);
        }
        if (ackElicitingInFlight == 0) {
            return OptionalLong.empty();
        }
        long backoff = 1L << Math.min(ptoCount, 30);
        return OptionalLong.of(timeOfLastAckElicitingSent + rtt.probeTimeout() * backoff);
    }

    /**
     * Stops tracking every packet in flight and returns them, oldest first: the sender moved to
     * another path, where they will not be acknowledged in time (RFC 9000 section 9.4). Largest
     * sent and largest acknowledged are kept, so late ACKs of them are ignored, not violations.
     */
    public List<SentPacket> forgetInFlight() {
        List<SentPacket> all = new ArrayList<>(sent.values());
        sent.clear();
        bytesInFlight = 0;
        ackElicitingInFlight = 0;
        lossTime = Long.MAX_VALUE;
        ptoCount = 0;
        return all;
    }

    /** Bytes sent and neither acknowledged nor declared lost. */
    public long bytesInFlight() {
        return bytesInFlight;
    }

    /** Probe timeouts in a row without an ACK in between. */
    public int ptoCount() {
        return ptoCount;
    }

    /** The largest packet number acknowledged so far, or -1. */
    public long largestAcked() {
        return largestAcked;
    }

    /** The RTT estimate this detector feeds. */
    public RttEstimator rtt() {
        return rtt;
    }

    private List<SentPacket> detectLost(long nowNanos) {
        lossTime = Long.MAX_VALUE;
        List<SentPacket> lost = new ArrayList<>();
        long lossDelay = Math.max(rtt.latestRtt(), rtt.smoothedRtt())
                * RecoveryConstants.TIME_THRESHOLD_NUMERATOR / RecoveryConstants.TIME_THRESHOLD_DENOMINATOR;
        lossDelay = Math.max(lossDelay, RecoveryConstants.GRANULARITY_NANOS);
        long lostSendTime = nowNanos - lossDelay;
        Iterator<SentPacket> it = sent.headMap(largestAcked, false).values().iterator();
        while (it.hasNext()) {
            SentPacket p = it.next();
            if (p.timeSentNanos() <= lostSendTime || largestAcked - p.packetNumber() >= RecoveryConstants.PACKET_THRESHOLD) {
                it.remove();
                removeFromFlight(p);
                lost.add(p);
            } else {
                // Later packets were sent no earlier and are closer to largestAcked: none of them is lost either.
                lossTime = p.timeSentNanos() + lossDelay;
                break;
            }
        }
        return lost;
    }

    private void removeFromFlight(SentPacket p) {
        bytesInFlight -= p.bytes();
        if (p.ackEliciting()) {
            ackElicitingInFlight--;
        }
    }
}
