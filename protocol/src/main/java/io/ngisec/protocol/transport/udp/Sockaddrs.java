package io.ngisec.protocol.transport.udp;

import static io.ngisec.protocol.transport.udp.LinuxConstants.AF_INET;
import static io.ngisec.protocol.transport.udp.LinuxConstants.AF_INET6;
import static io.ngisec.protocol.transport.udp.LinuxStructs.NET_SHORT;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN6_ADDR;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN6_PORT;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN6_SCOPE_ID;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN_ADDR;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN_FAMILY;
import static io.ngisec.protocol.transport.udp.LinuxStructs.SIN_PORT;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Converts between {@link InetSocketAddress} and the kernel's {@code sockaddr_in} /
 * {@code sockaddr_in6}. An IPv6 socket reaches IPv4 peers through IPv4-mapped addresses
 * ({@code ::ffff:a.b.c.d}); those read back as {@link Inet4Address}, as {@code DatagramChannel}
 * reports them, so a peer has one address whichever socket family saw it.
 */
final class Sockaddrs {

    /** Not a family: the kernel refuses a datagram to it (unresolved destination). */
    private static final short NO_FAMILY = (short) 0xffff;

    private Sockaddrs() {
    }

    /**
     * Writes {@code address} at {@code offset} of {@code dst} (zeroed first, 28 bytes of room) in
     * the form a socket of {@code socketFamily} takes, and returns its length. An address the
     * socket cannot reach (IPv6 on an IPv4 socket, unresolved) is written so that the kernel
     * refuses that one datagram (EAFNOSUPPORT or EINVAL) instead of this method throwing.
     */
    static int encode(InetSocketAddress address, int socketFamily, MemorySegment dst, long offset) {
        dst.asSlice(offset, LinuxStructs.SOCKADDR_IN6.byteSize()).fill((byte) 0);
        InetAddress ip = address.getAddress();
        if (ip == null) {
            dst.set(JAVA_SHORT, offset + SIN_FAMILY, NO_FAMILY);
            return (int) LinuxStructs.SOCKADDR_IN6.byteSize();
        }
        byte[] raw = ip.getAddress();
        if (socketFamily == AF_INET && raw.length == 4) {
            dst.set(JAVA_SHORT, offset + SIN_FAMILY, (short) AF_INET);
            dst.set(NET_SHORT, offset + SIN_PORT, (short) address.getPort());
            MemorySegment.copy(raw, 0, dst, JAVA_BYTE, offset + SIN_ADDR, 4);
            return (int) LinuxStructs.SOCKADDR_IN.byteSize();
        }
        dst.set(JAVA_SHORT, offset + SIN_FAMILY, (short) AF_INET6);
        dst.set(NET_SHORT, offset + SIN6_PORT, (short) address.getPort());
        if (raw.length == 4) {
            dst.set(JAVA_BYTE, offset + SIN6_ADDR + 10, (byte) 0xff);
            dst.set(JAVA_BYTE, offset + SIN6_ADDR + 11, (byte) 0xff);
            MemorySegment.copy(raw, 0, dst, JAVA_BYTE, offset + SIN6_ADDR + 12, 4);
        } else {
            MemorySegment.copy(raw, 0, dst, JAVA_BYTE, offset + SIN6_ADDR, 16);
            dst.set(JAVA_INT, offset + SIN6_SCOPE_ID, ((Inet6Address) ip).getScopeId());
        }
        return (int) LinuxStructs.SOCKADDR_IN6.byteSize();
    }

    /** Reads the sockaddr at {@code offset} of {@code src}; null if it is neither IPv4 nor IPv6. */
    static InetSocketAddress decode(MemorySegment src, long offset) {
        short family = src.get(JAVA_SHORT, offset + SIN_FAMILY);
        try {
            if (family == AF_INET) {
                byte[] raw = new byte[4];
                MemorySegment.copy(src, JAVA_BYTE, offset + SIN_ADDR, raw, 0, 4);
                return new InetSocketAddress(InetAddress.getByAddress(raw),
                        Short.toUnsignedInt(src.get(NET_SHORT, offset + SIN_PORT)));
            }
            if (family == AF_INET6) {
                byte[] raw = new byte[16];
                MemorySegment.copy(src, JAVA_BYTE, offset + SIN6_ADDR, raw, 0, 16);
                int port = Short.toUnsignedInt(src.get(NET_SHORT, offset + SIN6_PORT));
                int scope = src.get(JAVA_INT, offset + SIN6_SCOPE_ID);
                // getByAddress turns an IPv4-mapped address into an Inet4Address.
                InetAddress ip = scope == 0 ? InetAddress.getByAddress(raw) : Inet6Address.getByAddress(null, raw, scope);
                return new InetSocketAddress(ip, port);
            }
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are an IP address", e);
        }
        return null;
    }
}
