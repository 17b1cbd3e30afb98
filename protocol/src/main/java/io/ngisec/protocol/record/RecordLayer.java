package io.ngisec.protocol.record;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * The record layer of one established session: a {@link RecordSealer} for what we send and a
 * {@link RecordOpener} for what we receive, keyed by the two traffic secrets of the handshake.
 *
 * <p>Threads: the sealer may be used by one sending thread and the opener by one receiving thread
 * at the same time; {@link #close()} and {@link #stats()} may be called from any thread. After
 * {@code close()} seals fail with {@link RecordException.Reason#CLOSED}, every packet is dropped
 * as {@link DropReason#CLOSED}, and the secrets are zeroed.
 */
public final class RecordLayer implements AutoCloseable {

    private final long localConnectionId;
    private final long remoteConnectionId;
    private final RecordSealer sealer;
    private final RecordOpener opener;

    /**
     * A record layer for one session. The secrets are copied (the caller should zero its arrays).
     *
     * @param localConnectionId the id we chose; peers put it in the packets they send us
     * @param remoteConnectionId the id the peer chose; we put it in the packets we send
     * @param sendSecret 32-byte traffic secret for our direction (the handshake's Split)
     * @param receiveSecret 32-byte traffic secret for the peer's direction
     * @param policy when to rekey and how long to keep previous keys
     * @param qos the highest class per service the session's ticket allows, enforced both ways
     * @param nanoTime monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public RecordLayer(long localConnectionId, long remoteConnectionId, byte[] sendSecret, byte[] receiveSecret,
            RekeyPolicy policy, QosPolicy qos, LongSupplier nanoTime) {
        this.localConnectionId = localConnectionId;
        this.remoteConnectionId = remoteConnectionId;
        this.sealer = new RecordSealer(remoteConnectionId, sendSecret, policy, qos, nanoTime);
        this.opener = new RecordOpener(localConnectionId, receiveSecret, policy, qos, nanoTime);
    }

    /** As the full constructor with {@link QosPolicy#UNRESTRICTED}: for tests and tools without a ticket. */
    public RecordLayer(long localConnectionId, long remoteConnectionId, byte[] sendSecret, byte[] receiveSecret,
            RekeyPolicy policy, LongSupplier nanoTime) {
        this(localConnectionId, remoteConnectionId, sendSecret, receiveSecret, policy, QosPolicy.UNRESTRICTED, nanoTime);
    }

    /** As the full constructor with {@link RekeyPolicy#DEFAULT}, no QoS restriction and {@code System::nanoTime}. */
    public RecordLayer(long localConnectionId, long remoteConnectionId, byte[] sendSecret, byte[] receiveSecret) {
        this(localConnectionId, remoteConnectionId, sendSecret, receiveSecret, RekeyPolicy.DEFAULT, System::nanoTime);
    }

    /** The sending half. */
    public RecordSealer sealer() {
        return sealer;
    }

    /** The receiving half. */
    public RecordOpener opener() {
        return opener;
    }

    /** Shorthand for {@link RecordSealer#seal}. */
    public long seal(QosClass qosClass, Service service, ByteBuffer payload, ByteBuffer out) throws RecordException {
        return sealer.seal(qosClass, service, payload, out);
    }

    /** Shorthand for {@link RecordOpener#open}. */
    public OpenResult open(ByteBuffer packet, ByteBuffer plaintextOut) {
        return opener.open(packet, plaintextOut);
    }

    /** The connection id peers address us by. */
    public long localConnectionId() {
        return localConnectionId;
    }

    /** The connection id we address the peer by. */
    public long remoteConnectionId() {
        return remoteConnectionId;
    }

    /** Closes both halves and zeroes their secrets. Idempotent; any thread. */
    @Override
    public void close() {
        sealer.close();
        opener.close();
    }

    /** A snapshot of both directions' counters; any thread. */
    public RecordStats stats() {
        return new RecordStats(sealer.stats(), opener.stats());
    }
}
