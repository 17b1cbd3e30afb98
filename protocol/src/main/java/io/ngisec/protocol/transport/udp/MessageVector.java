package io.ngisec.protocol.transport.udp;

import static io.ngisec.protocol.transport.udp.LinuxConstants.IPPROTO_IP;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPPROTO_IPV6;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IPV6_TCLASS;
import static io.ngisec.protocol.transport.udp.LinuxConstants.IP_TOS;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_DATA;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_LEN_FIELD;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_LEN_INT;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_LEVEL;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_SPACE_INT;
import static io.ngisec.protocol.transport.udp.LinuxStructs.CMSG_TYPE;
import static io.ngisec.protocol.transport.udp.LinuxStructs.IOVEC;
import static io.ngisec.protocol.transport.udp.LinuxStructs.IOV_BASE;
import static io.ngisec.protocol.transport.udp.LinuxStructs.IOV_LEN;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MMSGHDR;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MMSG_LEN;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_CONTROL;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_CONTROLLEN;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_FLAGS;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_IOV;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_IOVLEN;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_NAME;
import static io.ngisec.protocol.transport.udp.LinuxStructs.MSG_NAMELEN;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SOCKADDR_STORAGE;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * The native {@code struct mmsghdr} array of one direction of a {@link LinuxUdpSocket}: message
 * {@code i} describes slot {@code i} of a {@link DatagramBatch} with one iovec pointing into the
 * batch's memory, a {@code sockaddr_storage} for the peer and, for sending, one control message
 * carrying the datagram's traffic class. Not thread safe: used under its direction's lock.
 */
final class MessageVector {

    private static final long HEADER_BYTES = MMSGHDR.byteSize();
    private static final long NAME_BYTES = SOCKADDR_STORAGE.byteSize();

    private final int capacity;
    private final MemorySegment headers;
    private final MemorySegment names;
    private final MemorySegment iovecs;
    private final MemorySegment controls;
    // For sending: the destination names[i] holds, so a repeated peer is not encoded again.
    private final InetSocketAddress[] encodedTo;
    private final int[] encodedLength;

    /** {@code capacity} messages allocated in {@code arena}; with control messages for sending. */
    MessageVector(Arena arena, int capacity, boolean forSending) {
        this.capacity = capacity;
        this.headers = arena.allocate(MMSGHDR, capacity);
        this.names = arena.allocate(SOCKADDR_STORAGE, capacity);
        this.iovecs = arena.allocate(IOVEC, capacity);
        this.controls = forSending ? arena.allocate(CMSG_SPACE_INT * capacity, JAVA_LONG.byteAlignment()) : null;
        this.encodedTo = forSending ? new InetSocketAddress[capacity] : null;
        this.encodedLength = forSending ? new int[capacity] : null;
        for (int i = 0; i < capacity; i++) {
            long h = i * HEADER_BYTES;
            headers.set(ADDRESS, h + MSG_NAME, names.asSlice(i * NAME_BYTES, NAME_BYTES));
            headers.set(ADDRESS, h + MSG_IOV, iovecs.asSlice(i * IOVEC.byteSize(), IOVEC.byteSize()));
            headers.set(JAVA_LONG, h + MSG_IOVLEN, 1);
            if (forSending) {
                long c = i * CMSG_SPACE_INT;
                headers.set(ADDRESS, h + MSG_CONTROL, controls.asSlice(c, CMSG_SPACE_INT));
                headers.set(JAVA_LONG, h + MSG_CONTROLLEN, CMSG_SPACE_INT);
                controls.set(JAVA_LONG, c + CMSG_LEN_FIELD, CMSG_LEN_INT);
            }
        }
    }

    int capacity() {
        return capacity;
    }

    /** The messages from {@code first} on, to hand to sendmmsg or recvmmsg. */
    MemorySegment from(int first) {
        return headers.asSlice(first * HEADER_BYTES);
    }

    /**
     * Describes datagram {@code i} of {@code batch} (its bytes {@code length} long at native
     * address {@code data}) for sending from a socket of {@code socketFamily}. The traffic class
     * goes as IP_TOS for an IPv4 destination (also IPv4-mapped on an IPv6 socket: the kernel
     * sends those through its IPv4 path, which reads only IP-level options) and as IPV6_TCLASS
     * otherwise; only its low 8 bits count.
     */
    void prepareSend(int i, long data, int length, InetSocketAddress to, int trafficClass, int socketFamily) {
        long h = i * HEADER_BYTES;
        if (!to.equals(encodedTo[i])) {
            encodedLength[i] = Sockaddrs.encode(to, socketFamily, names, i * NAME_BYTES);
            encodedTo[i] = to;
            long c = i * CMSG_SPACE_INT;
            boolean ipv4 = to.getAddress() instanceof Inet4Address;
            controls.set(JAVA_INT, c + CMSG_LEVEL, ipv4 ? IPPROTO_IP : IPPROTO_IPV6);
            controls.set(JAVA_INT, c + CMSG_TYPE, ipv4 ? IP_TOS : IPV6_TCLASS);
        }
        headers.set(JAVA_INT, h + MSG_NAMELEN, encodedLength[i]);
        controls.set(JAVA_INT, i * CMSG_SPACE_INT + CMSG_DATA, trafficClass & 0xff);
        long v = i * IOVEC.byteSize();
        iovecs.set(JAVA_LONG, v + IOV_BASE, data);
        iovecs.set(JAVA_LONG, v + IOV_LEN, length);
    }

    /** Points message {@code i} at {@code length} bytes of room at native address {@code data} to receive into. */
    void prepareReceive(int i, long data, int length) {
        long h = i * HEADER_BYTES;
        headers.set(JAVA_INT, h + MSG_NAMELEN, (int) NAME_BYTES);
        headers.set(JAVA_INT, h + MSG_FLAGS, 0);
        long v = i * IOVEC.byteSize();
        iovecs.set(JAVA_LONG, v + IOV_BASE, data);
        iovecs.set(JAVA_LONG, v + IOV_LEN, length);
    }

    /** The bytes message {@code i} carried (msg_len). */
    int length(int i) {
        return headers.get(JAVA_INT, i * HEADER_BYTES + MMSG_LEN);
    }

    /** The flags the kernel returned for received message {@code i} (MSG_TRUNC ...). */
    int flags(int i) {
        return headers.get(JAVA_INT, i * HEADER_BYTES + MSG_FLAGS);
    }

    /** Where message {@code i}'s sockaddr is. */
    MemorySegment names() {
        return names;
    }

    /** The offset of message {@code i}'s sockaddr in {@link #names()}. */
    static long nameOffset(int i) {
        return i * NAME_BYTES;
    }
}
