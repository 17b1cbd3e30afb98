package io.ngisec.protocol.record;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;

/**
 * What {@link RecordOpener#open} made of one packet: either an accepted record with its header
 * fields and payload length, or the reason it was dropped. Mutable and reused by its opener for
 * every packet so that opening allocates nothing: read it before the next {@code open}, on the
 * receiving thread, or copy it with {@link #header()}.
 */
public final class OpenResult {

    private DropReason dropReason;
    private PacketType type;
    private QosClass qosClass;
    private Service service;
    private boolean keyPhase;
    private long receiverConnectionId;
    private long packetNumber;
    private int payloadLength;

    OpenResult() {
    }

    void accept(PacketType type, QosClass qosClass, Service service, boolean keyPhase,
            long receiverConnectionId, long packetNumber, int payloadLength) {
        this.dropReason = null;
        this.type = type;
        this.qosClass = qosClass;
        this.service = service;
        this.keyPhase = keyPhase;
        this.receiverConnectionId = receiverConnectionId;
        this.packetNumber = packetNumber;
        this.payloadLength = payloadLength;
    }

    void drop(DropReason reason) {
        this.dropReason = reason;
        this.type = null;
        this.qosClass = null;
        this.service = null;
        this.keyPhase = false;
        this.receiverConnectionId = 0;
        this.packetNumber = -1;
        this.payloadLength = 0;
    }

    /** Whether the packet was authenticated and its payload written out. */
    public boolean accepted() {
        return dropReason == null;
    }

    /** Why the packet was dropped, or null if it was accepted. */
    public DropReason dropReason() {
        return dropReason;
    }

    /** {@link PacketType#DATA} or {@link PacketType#CLOSE}; null after a drop. */
    public PacketType type() {
        return type;
    }

    /** QoS class from the authenticated header; null after a drop. */
    public QosClass qosClass() {
        return qosClass;
    }

    /** Service from the authenticated header; null after a drop. */
    public Service service() {
        return service;
    }

    /** Key-phase bit from the authenticated header. */
    public boolean keyPhase() {
        return keyPhase;
    }

    /** Packet number of the accepted record; -1 after a drop. */
    public long packetNumber() {
        return packetNumber;
    }

    /** Bytes of payload written to the caller's buffer; 0 after a drop. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The accepted record's header as an immutable value (allocates). */
    public RecordHeader header() {
        if (!accepted()) {
            throw new IllegalStateException("packet was dropped: " + dropReason);
        }
        return new RecordHeader(type, qosClass, keyPhase, service, receiverConnectionId, packetNumber);
    }

    @Override
    public String toString() {
        return accepted()
                ? "OpenResult[" + type + " " + qosClass + " " + service + " pn=" + packetNumber
                        + " phase=" + (keyPhase ? 1 : 0) + " len=" + payloadLength + "]"
                : "OpenResult[dropped " + dropReason + "]";
    }
}
