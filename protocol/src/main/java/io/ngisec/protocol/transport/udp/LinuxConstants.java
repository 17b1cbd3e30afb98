package io.ngisec.protocol.transport.udp;

/**
 * The Linux ABI numbers {@link LinuxUdpSocket} passes to the C library, each from the header
 * named beside it (glibc 2.36 and Linux UAPI headers on x86_64). They are the same on aarch64,
 * which uses the generic socket, errno and fcntl numbers too; other architectures (MIPS, SPARC,
 * Alpha, PA-RISC) differ and are not supported.
 */
final class LinuxConstants {

    private LinuxConstants() {
    }

    // <bits/socket.h>: address families
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    // <bits/socket_type.h>: socket types and the flags or-ed into the type
    static final int SOCK_DGRAM = 2;
    static final int SOCK_NONBLOCK = 04000;
    static final int SOCK_CLOEXEC = 02000000;

    // <asm-generic/socket.h>
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;

    // <netinet/in.h>, <linux/in.h>, <linux/in6.h>: levels and options
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_IPV6 = 41;
    static final int IP_TOS = 1;
    static final int IPV6_V6ONLY = 26;
    static final int IPV6_TCLASS = 67;
    static final int IP_MTU_DISCOVER = 10;
    static final int IPV6_MTU_DISCOVER = 23;
    /** Set DF (IPv6: never fragment locally) and ignore the kernel's path MTU cache. */
    static final int IP_PMTUDISC_PROBE = 3;
    static final int IPV6_PMTUDISC_PROBE = 3;

    // <bits/socket.h>: message flags
    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;

    // <linux/uio.h>: UIO_MAXIOV, the most messages one sendmmsg/recvmmsg call handles
    static final int UIO_MAXIOV = 1024;

    // <bits/poll.h>
    static final short POLLIN = 0x001;
    static final short POLLOUT = 0x004;
    static final short POLLERR = 0x008;

    // <bits/eventfd.h>
    static final int EFD_NONBLOCK = 04000;
    static final int EFD_CLOEXEC = 02000000;

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11; // also EWOULDBLOCK
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int EMSGSIZE = 90;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETDOWN = 100;
    static final int ENETUNREACH = 101;
    static final int ENOBUFS = 105;
    static final int ECONNREFUSED = 111;
    static final int EHOSTDOWN = 112;
    static final int EHOSTUNREACH = 113;

    /** The name of {@code errno} for messages, "errno N" for one this class does not list. */
    static String errnoName(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case EINTR -> "EINTR";
            case EAGAIN -> "EAGAIN";
            case EACCES -> "EACCES";
            case EINVAL -> "EINVAL";
            case EMSGSIZE -> "EMSGSIZE";
            case EAFNOSUPPORT -> "EAFNOSUPPORT";
            case EADDRINUSE -> "EADDRINUSE";
            case EADDRNOTAVAIL -> "EADDRNOTAVAIL";
            case ENETDOWN -> "ENETDOWN";
            case ENETUNREACH -> "ENETUNREACH";
            case ENOBUFS -> "ENOBUFS";
            case ECONNREFUSED -> "ECONNREFUSED";
            case EHOSTDOWN -> "EHOSTDOWN";
            case EHOSTUNREACH -> "EHOSTUNREACH";
            default -> "errno " + errno;
        };
    }
}
