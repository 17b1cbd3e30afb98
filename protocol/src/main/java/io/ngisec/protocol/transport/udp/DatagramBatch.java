package io.ngisec.protocol.transport.udp;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A reusable set of datagram slots, each a buffer of a fixed size with its peer address and IP
 * traffic class: filled by the caller and then sent, or filled by {@link UdpSocket#receive}. The
 * slots are direct buffers, so a socket can hand them to the kernel without copying. Not thread
 * safe: one thread fills and uses a batch at a time.
 */
public final class DatagramBatch {

    // Each slot is followed by one spare byte: a socket that cannot see truncation (DatagramChannel)
    // receives into slot + spare, and a datagram that reaches the spare byte did not fit.
    private final MemorySegment memory;
    private final int stride;
    private final ByteBuffer[] slots;
    private final ByteBuffer[] receiveViews;
    private final InetSocketAddress[] addresses;
    private final int[] trafficClasses;
    private final int slotBytes;
    private int count;

    /** A batch of {@code capacity} slots of {@code slotBytes} bytes each. */
    public DatagramBatch(int capacity, int slotBytes) {
        if (capacity < 1 || slotBytes < 1 || (long) capacity * (slotBytes + 1L) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity " + capacity + " x " + slotBytes + " bytes");
        }
        this.stride = slotBytes + 1;
        ByteBuffer all = ByteBuffer.allocateDirect(capacity * stride);
        this.memory = MemorySegment.ofBuffer(all);
        this.slots = new ByteBuffer[capacity];
        this.receiveViews = new ByteBuffer[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = all.slice(i * stride, slotBytes);
            receiveViews[i] = all.slice(i * stride, stride);
        }
        this.addresses = new InetSocketAddress[capacity];
        this.trafficClasses = new int[capacity];
        this.slotBytes = slotBytes;
    }

    public int capacity() {
        return slots.length;
    }

    /** The size of each slot: the largest datagram this batch can hold. */
    public int slotBytes() {
        return slotBytes;
    }

    /** How many slots are in use. */
    public int count() {
        return count;
    }

    public boolean isFull() {
        return count == slots.length;
    }

    /** Forgets every datagram (the memory is reused). */
    public void clear() {
        count = 0;
    }

    /**
     * Takes the next free slot for a datagram to {@code to} marked with {@code trafficClass} (the
     * IP TOS / IPv6 traffic class byte) and returns its buffer, cleared: write the datagram into
     * it; the socket sends the bytes from 0 to the buffer's position. Throws IllegalStateException
     * when the batch is full.
     */
    public ByteBuffer add(InetSocketAddress to, int trafficClass) {
        if (isFull()) {
            throw new IllegalStateException("batch full");
        }
        int i = count++;
        addresses[i] = Objects.requireNonNull(to, "to");
        trafficClasses[i] = trafficClass;
        return slots[i].clear();
    }

    /** Adds a copy of the remaining bytes of {@code datagram}; false (nothing added) if it does not fit or the batch is full. */
    public boolean add(ByteBuffer datagram, InetSocketAddress to, int trafficClass) {
        if (isFull() || datagram.remaining() > slotBytes) {
            return false;
        }
        add(to, trafficClass).put(datagram);
        return true;
    }

    /**
     * The buffer of datagram {@code i}: as filled for sending (bytes 0 to position), or as received
     * (position 0, limit its length). Valid until the batch is cleared or reused.
     */
    public ByteBuffer slot(int i) {
        return slots[Objects.checkIndex(i, count)];
    }

    /** The destination (to send) or the source (received) of datagram {@code i}. */
    public InetSocketAddress address(int i) {
        return addresses[Objects.checkIndex(i, count)];
    }

    /** The traffic class of datagram {@code i} to send (received datagrams report 0). */
    public int trafficClass(int i) {
        return trafficClasses[Objects.checkIndex(i, count)];
    }

    // --- for sockets ---

    /**
     * The buffer of free slot {@code i} for a socket to receive into, cleared, one byte longer
     * than the slot: a datagram longer than {@link #slotBytes()} did not fit (it may have been
     * cut) and must be dropped.
     */
    ByteBuffer receiveSlot(int i) {
        return receiveViews[i].clear();
    }

    /** The native memory of all slots: slot {@code i} starts at {@link #slotOffset(int) slotOffset(i)}. */
    MemorySegment memory() {
        return memory;
    }

    /** Where slot {@code i} starts in {@link #memory()}. */
    long slotOffset(int i) {
        return (long) Objects.checkIndex(i, slots.length) * stride;
    }

    /** The length of datagram {@code i} to send: its buffer's position. */
    int sendLength(int i) {
        return slots[Objects.checkIndex(i, count)].position();
    }

    /** Records that slot {@code i} (the next one) now holds {@code length} bytes from {@code from}. */
    void received(int i, int length, InetSocketAddress from) {
        if (i != count) {
            throw new IllegalStateException("slots are filled in order");
        }
        slots[i].limit(length).position(0);
        addresses[i] = from;
        trafficClasses[i] = 0;
        count++;
    }
}
