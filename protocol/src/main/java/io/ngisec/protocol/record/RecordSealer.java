package io.ngisec.protocol.record;

import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The sending half of a session's record layer: numbers, seals and frames records, and moves to
 * the next key phase when the {@link RekeyPolicy} says so. Meant for one sending thread; its
 * methods are synchronized only so that {@link #close()} and {@link #stats()} may come from any
 * thread. Allocates nothing per record itself (see {@link Gcm} for what JCA allocates).
 */
public final class RecordSealer {

    private final long remoteConnectionId;
    private final QosPolicy qos;
    private final long rekeyAfterRecords;
    private final long rekeyAfterNanos;
    private final LongSupplier nanoTime;
    private final Gcm gcm = new Gcm();
    private final byte[] header = new byte[RecordHeader.LENGTH];
    private final ByteBuffer headerBuffer = ByteBuffer.wrap(header);

    private PhaseKey key;
    private long phaseStartNanos;
    private long sealedInPhase;
    private long nextPacketNumber;
    private long rekeys;
    private long records;
    private long payloadBytes;
    private boolean closed;

    RecordSealer(long remoteConnectionId, byte[] sendSecret, RekeyPolicy policy, QosPolicy qos, LongSupplier nanoTime) {
        this.qos = Objects.requireNonNull(qos, "qos");
        this.remoteConnectionId = remoteConnectionId;
        this.rekeyAfterRecords = policy.rekeyAfterRecords();
        this.rekeyAfterNanos = policy.rekeyAfter().toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.key = PhaseKey.first(sendSecret);
        this.phaseStartNanos = nanoTime.getAsLong();
    }

    /**
     * Seals {@code payload} (position to limit, consumed) as a DATA record and writes header,
     * ciphertext and tag at {@code out}'s position, advancing it by payload length plus
     * {@link Limits#OVERHEAD_BYTES}. Returns the record's packet number. {@code payload} and
     * {@code out} must not overlap. On failure neither buffer has moved.
     *
     * @throws RecordException CLOSED, POLICY (the ticket does not allow the service at this class),
     *     KEY_EXHAUSTED, PAYLOAD_TOO_LARGE or OUTPUT_TOO_SMALL
     */
    public synchronized long seal(QosClass qosClass, Service service, ByteBuffer payload, ByteBuffer out)
            throws RecordException {
        return sealRecord(PacketType.DATA, qosClass, service, payload, out);
    }

    /**
     * Seals a CLOSE record (class CONTROL, service CONTROL) with an optional reason payload, as
     * {@link #seal}. The caller then closes the layer.
     */
    public synchronized long sealClose(ByteBuffer reason, ByteBuffer out) throws RecordException {
        return sealRecord(PacketType.CLOSE, QosClass.CONTROL, Service.CONTROL, reason, out);
    }

    /** The highest class this sealer lets {@code service} use; empty when the ticket does not allow it. */
    public Optional<QosClass> ceiling(Service service) {
        return qos.ceiling(service);
    }

    private long sealRecord(PacketType type, QosClass qosClass, Service service, ByteBuffer payload,
            ByteBuffer out) throws RecordException {
        Objects.requireNonNull(qosClass, "qosClass");
        Objects.requireNonNull(service, "service");
        if (closed) {
            throw new RecordException(RecordException.Reason.CLOSED, "record layer closed");
        }
        if (!qos.permits(service, qosClass)) {
            throw new RecordException(RecordException.Reason.POLICY, service + " is not allowed at " + qosClass);
        }
        int length = payload.remaining();
        if (length > Limits.MAX_PAYLOAD_BYTES) {
            throw new RecordException(RecordException.Reason.PAYLOAD_TOO_LARGE, length + " bytes");
        }
        if (out.remaining() < length + Limits.OVERHEAD_BYTES) {
            throw new RecordException(RecordException.Reason.OUTPUT_TOO_SMALL,
                    out.remaining() + " bytes left, need " + (length + Limits.OVERHEAD_BYTES));
        }
        long packetNumber = nextPacketNumber;
        if (packetNumber > Limits.MAX_PACKET_NUMBER) {
            throw new RecordException(RecordException.Reason.KEY_EXHAUSTED, "packet numbers used up");
        }
        long now = nanoTime.getAsLong();
        if (sealedInPhase >= rekeyAfterRecords || now - phaseStartNanos >= rekeyAfterNanos) {
            rotate(now);
        }
        // Consumed before sealing: whatever happens next, this number is never sealed again.
        nextPacketNumber = packetNumber + 1;
        sealedInPhase++;

        RecordHeader.write(headerBuffer, 0, type, qosClass, key.phaseBit(), service,
                remoteConnectionId, packetNumber);
        int start = out.position();
        out.put(header);
        try {
            gcm.seal(key.key(), packetNumber, header, payload, out);
        } catch (RuntimeException e) {
            out.position(start);
            throw e;
        }
        records++;
        payloadBytes += length;
        return packetNumber;
    }

    private void rotate(long now) {
        PhaseKey old = key;
        key = old.next();
        old.destroy();
        phaseStartNanos = now;
        sealedInPhase = 0;
        rekeys++;
    }

    /** Refuses all further seals and zeroes the key material. Idempotent; any thread. */
    public synchronized void close() {
        if (!closed) {
            closed = true;
            key.destroy();
        }
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** A snapshot of this direction's counters; any thread. */
    public synchronized SendStats stats() {
        return new SendStats(key.phase(), rekeys, records, payloadBytes,
                Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - phaseStartNanos)));
    }
}
