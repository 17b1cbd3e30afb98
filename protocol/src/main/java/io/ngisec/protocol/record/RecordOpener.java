package io.ngisec.protocol.record;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The receiving half of a session's record layer: checks, authenticates and decrypts packets,
 * filters replays, and follows the peer's key phases. Never throws for anything a packet
 * contains: every rejected packet is reported in the {@link OpenResult} and counted by reason.
 *
 * <p>Keys: it holds the current phase's key, the next one (derived ahead, so the first packet of
 * a new phase costs no derivation before it can be authenticated) and, for a grace period after
 * each switch, the previous one, so that packets sealed just before the peer's switch and
 * delivered after it still open. A packet with the other phase bit is tried with the next key if
 * its number is above every number seen in the current phase, else with the previous key; only an
 * authenticated packet makes the next phase current. This follows the sender through any number
 * of phases as long as each phase delivers at least one packet (the sender switches at most once
 * per record it seals, and a phase lasts {@link RekeyPolicy#rekeyAfterRecords()} records).
 *
 * <p>Meant for one receiving thread; its methods are synchronized only so that {@link #close()}
 * and {@link #stats()} may come from any thread. Allocates nothing per packet itself.
 */
public final class RecordOpener {

    private final long localConnectionId;
    private final QosPolicy qos;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Gcm gcm = new Gcm();
    private final byte[] header = new byte[RecordHeader.LENGTH];
    private final ReplayWindow replay = new ReplayWindow();
    private final DropCounters drops = new DropCounters();
    private final OpenResult result = new OpenResult();

    private PhaseKey previous;
    private PhaseKey current;
    private PhaseKey next;
    private long highestInCurrent = -1;
    private long switchPacketNumber;
    private long switchNanos;
    private long rekeys;
    private long records;
    private long payloadBytes;
    private boolean closed;

    RecordOpener(long localConnectionId, byte[] receiveSecret, RekeyPolicy policy, QosPolicy qos, LongSupplier nanoTime) {
        this.qos = Objects.requireNonNull(qos, "qos");
        this.localConnectionId = localConnectionId;
        this.graceNanos = policy.previousKeyGrace().toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.current = PhaseKey.first(receiveSecret);
        this.next = current.next();
        this.switchNanos = nanoTime.getAsLong();
    }

    /**
     * Opens the packet between {@code packet}'s position and limit, writing its payload at
     * {@code plaintextOut}'s position. Always consumes the packet (its position ends at its
     * limit); advances {@code plaintextOut} by the payload length only if the packet is accepted.
     * {@code packet} and {@code plaintextOut} may be views of the same array, but the payload must
     * not be written over the header. Returns this opener's reused result, valid until the next call.
     */
    public synchronized OpenResult open(ByteBuffer packet, ByteBuffer plaintextOut) {
        DropReason drop = openRecord(packet, plaintextOut);
        packet.position(packet.limit());
        if (drop != null) {
            drops.increment(drop);
            result.drop(drop);
        }
        return result;
    }

    // Returns null when the packet was accepted (and result filled in), else why it was dropped.
    private DropReason openRecord(ByteBuffer packet, ByteBuffer plaintextOut) {
        if (closed) {
            return DropReason.CLOSED;
        }
        int at = packet.position();
        int length = packet.remaining();
        if (length < Limits.OVERHEAD_BYTES) {
            return DropReason.MALFORMED;
        }
        RecordException.Reason problem = RecordHeader.problem(packet, at);
        if (problem != null) {
            return problem == RecordException.Reason.WRONG_VERSION ? DropReason.WRONG_VERSION : DropReason.MALFORMED;
        }
        PacketType type = RecordHeader.type(packet, at);
        if (!type.isRecord()) {
            return DropReason.UNEXPECTED_TYPE;
        }
        if (RecordHeader.connectionId(packet, at) != localConnectionId) {
            return DropReason.UNKNOWN_CONNECTION;
        }
        long packetNumber = RecordHeader.packetNumber(packet, at);
        if (packetNumber < 0 || packetNumber > Limits.MAX_PACKET_NUMBER) {
            return DropReason.KEY_EXHAUSTED;
        }
        if (!replay.check(packetNumber)) {
            return replay.isTooOld(packetNumber) ? DropReason.TOO_OLD : DropReason.REPLAY;
        }
        int payloadLength = length - Limits.OVERHEAD_BYTES;
        if (plaintextOut.remaining() < payloadLength) {
            return DropReason.OUTPUT_TOO_SMALL;
        }

        if (previous != null) {
            expirePrevious();
        }
        boolean phaseBit = RecordHeader.keyPhase(packet, at);
        PhaseKey key;
        if (phaseBit == current.phaseBit()) {
            key = current;
        } else if (packetNumber > highestInCurrent) {
            key = next;
        } else if (previous != null) {
            key = previous;
        } else {
            return DropReason.NO_KEY;
        }

        packet.get(at, header);
        packet.position(at + RecordHeader.LENGTH);
        if (gcm.open(key.key(), packetNumber, header, packet, plaintextOut) < 0) {
            return DropReason.AUTH_FAILED;
        }
        replay.update(packetNumber);
        if (key == next) {
            promote(packetNumber);
        } else if (key == current && packetNumber > highestInCurrent) {
            highestInCurrent = packetNumber;
        }
        QosClass qosClass = RecordHeader.qosClass(packet, at);
        Service service = RecordHeader.service(packet, at);
        if (!qos.permits(service, qosClass)) {
            // Checked after authentication so that only the peer itself can be counted for it.
            plaintextOut.position(plaintextOut.position() - payloadLength);
            return DropReason.POLICY;
        }
        records++;
        payloadBytes += payloadLength;
        result.accept(type, qosClass, service, phaseBit, localConnectionId, packetNumber, payloadLength);
        return null;
    }

    /** The peer switched phases and proved it with an authenticated packet: follow it. */
    private void promote(long packetNumber) {
        if (previous != null) {
            previous.destroy();
        }
        previous = current;
        current = next;
        next = current.next();
        highestInCurrent = packetNumber;
        switchPacketNumber = packetNumber;
        switchNanos = nanoTime.getAsLong();
        rekeys++;
    }

    /**
     * Drops the previous key once the grace time is over, or once the replay window has moved so
     * far past the switch that every packet of the previous phase would be refused as too old.
     */
    private void expirePrevious() {
        boolean windowPassed = replay.highest() - switchPacketNumber > ReplayWindow.WINDOW_SIZE;
        if (windowPassed || nanoTime.getAsLong() - switchNanos >= graceNanos) {
            previous.destroy();
            previous = null;
        }
    }

    /** Refuses all further packets (counted as CLOSED drops) and zeroes the key material. Idempotent; any thread. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (previous != null) {
            previous.destroy();
            previous = null;
        }
        current.destroy();
        next.destroy();
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** A snapshot of this direction's counters; any thread. */
    public synchronized ReceiveStats stats() {
        return new ReceiveStats(current.phase(), rekeys, records, payloadBytes, drops.snapshot(),
                Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - switchNanos)), previous != null);
    }

    // Used by tests to read one count without a snapshot.
    synchronized long dropped(DropReason reason) {
        return drops.get(reason);
    }
}
