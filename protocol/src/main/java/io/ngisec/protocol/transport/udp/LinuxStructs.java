package io.ngisec.protocol.transport.udp;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The C structures of the socket calls as laid out on LP64 Linux (x86_64, aarch64), padding
 * written out, and the byte offsets of the fields {@link LinuxUdpSocket} reads and writes.
 * {@code size_t} is {@link ValueLayout#JAVA_LONG}, {@code socklen_t} {@link ValueLayout#JAVA_INT}.
 */
final class LinuxStructs {

    private LinuxStructs() {
    }

    /** Ports and IPv4 addresses are in network byte order inside a sockaddr. */
    static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    /** {@code struct iovec} from {@code <bits/types/struct_iovec.h>}: 16 bytes. */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"),
            JAVA_LONG.withName("iov_len"));

    /** {@code struct msghdr} from {@code <bits/socket.h>}: 56 bytes. */
    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"),
            MemoryLayout.paddingLayout(4));

    /** {@code struct mmsghdr} from {@code <bits/socket.h>}: 64 bytes. */
    static final StructLayout MMSGHDR = MemoryLayout.structLayout(
            MSGHDR.withName("msg_hdr"),
            JAVA_INT.withName("msg_len"),
            MemoryLayout.paddingLayout(4));

    /** {@code struct cmsghdr} from {@code <bits/socket.h>}: 16 bytes, the data follows. */
    static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"),
            JAVA_INT.withName("cmsg_type"));

    /** {@code struct sockaddr_in} from {@code <netinet/in.h>}: 16 bytes. */
    static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin_family"),
            NET_SHORT.withName("sin_port"),
            NET_INT.withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    /** {@code struct sockaddr_in6} from {@code <netinet/in.h>}: 28 bytes. */
    static final StructLayout SOCKADDR_IN6 = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sin6_family"),
            NET_SHORT.withName("sin6_port"),
            JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id"));

    /** {@code struct sockaddr_storage} from {@code <bits/socket.h>}: 128 bytes, 8-aligned. */
    static final StructLayout SOCKADDR_STORAGE = MemoryLayout.structLayout(
            JAVA_SHORT.withName("ss_family"),
            MemoryLayout.paddingLayout(6),
            MemoryLayout.sequenceLayout(15, JAVA_LONG).withName("ss_padding"));

    /** {@code struct pollfd} from {@code <sys/poll.h>}: 8 bytes. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents"));

    /** {@code struct timespec} (64-bit time) from {@code <bits/types/struct_timespec.h>}: 16 bytes. */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_nsec"));

    static final long MSG_NAME = offset(MSGHDR, "msg_name");
    static final long MSG_NAMELEN = offset(MSGHDR, "msg_namelen");
    static final long MSG_IOV = offset(MSGHDR, "msg_iov");
    static final long MSG_IOVLEN = offset(MSGHDR, "msg_iovlen");
    static final long MSG_CONTROL = offset(MSGHDR, "msg_control");
    static final long MSG_CONTROLLEN = offset(MSGHDR, "msg_controllen");
    static final long MSG_FLAGS = offset(MSGHDR, "msg_flags");
    /** {@code msg_len} of an mmsghdr: the bytes sent or received. */
    static final long MMSG_LEN = offset(MMSGHDR, "msg_len");

    static final long IOV_BASE = offset(IOVEC, "iov_base");
    static final long IOV_LEN = offset(IOVEC, "iov_len");

    static final long CMSG_LEN_FIELD = offset(CMSGHDR, "cmsg_len");
    static final long CMSG_LEVEL = offset(CMSGHDR, "cmsg_level");
    static final long CMSG_TYPE = offset(CMSGHDR, "cmsg_type");
    /** CMSG_DATA: the data starts at CMSG_ALIGN(sizeof(struct cmsghdr)). */
    static final long CMSG_DATA = cmsgAlign(CMSGHDR.byteSize());
    /** CMSG_LEN(sizeof(int)): the cmsg_len of an int option. */
    static final long CMSG_LEN_INT = CMSG_DATA + JAVA_INT.byteSize();
    /** CMSG_SPACE(sizeof(int)): the room one int option takes in msg_control. */
    static final long CMSG_SPACE_INT = CMSG_DATA + cmsgAlign(JAVA_INT.byteSize());

    static final long SIN_FAMILY = offset(SOCKADDR_IN, "sin_family");
    static final long SIN_PORT = offset(SOCKADDR_IN, "sin_port");
    static final long SIN_ADDR = offset(SOCKADDR_IN, "sin_addr");
    static final long SIN6_PORT = offset(SOCKADDR_IN6, "sin6_port");
    static final long SIN6_FLOWINFO = offset(SOCKADDR_IN6, "sin6_flowinfo");
    static final long SIN6_ADDR = offset(SOCKADDR_IN6, "sin6_addr");
    static final long SIN6_SCOPE_ID = offset(SOCKADDR_IN6, "sin6_scope_id");

    static final long POLL_FD = offset(POLLFD, "fd");
    static final long POLL_EVENTS = offset(POLLFD, "events");
    static final long POLL_REVENTS = offset(POLLFD, "revents");

    static final long TV_SEC = offset(TIMESPEC, "tv_sec");
    static final long TV_NSEC = offset(TIMESPEC, "tv_nsec");

    /** CMSG_ALIGN: rounds up to the alignment of size_t. */
    static long cmsgAlign(long length) {
        long a = JAVA_LONG.byteSize();
        return (length + a - 1) & -a;
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(groupElement(field));
    }
}
