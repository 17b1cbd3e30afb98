package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.qos.QosClass;

/**
 * The QoS class of each of the last {@link #CAPACITY} packet numbers sent, so a loss declared
 * later (by packet number) is counted under the right class. Packet numbers of a direction are
 * consecutive (section 5.1), so a ring of class codes indexed by packet number needs no keys: a
 * number is still known while it is within {@code CAPACITY} of the newest recorded. 64 KiB per
 * session covers 78 MB of 1200-byte packets in flight, far beyond any window this sender opens
 * on today's paths; an older number is reported unknown. Allocation-free; not thread safe.
 */
final class SentClassLog {

    static final int CAPACITY = 1 << 16;
    private static final QosClass[] CLASSES = QosClass.values();

    private final byte[] codes = new byte[CAPACITY];
    private long newest = -1;

    /** Packet {@code packetNumber} (above every number recorded before) was sent as {@code qosClass}. */
    void record(long packetNumber, QosClass qosClass) {
        codes[(int) (packetNumber & (CAPACITY - 1))] = (byte) qosClass.ordinal();
        newest = Math.max(newest, packetNumber);
    }

    /** The class packet {@code packetNumber} was sent as, or null if it was never recorded or is too old. */
    QosClass classOf(long packetNumber) {
        if (packetNumber < 0 || packetNumber > newest || newest - packetNumber >= CAPACITY) {
            return null;
        }
        return CLASSES[codes[(int) (packetNumber & (CAPACITY - 1))]];
    }
}
