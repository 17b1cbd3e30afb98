package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** sockaddr encoding and decoding, byte for byte, and the cache of the last source address. */
class SockaddrsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ipv4OnAnIpv4SocketIsASockaddrIn() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(LinuxStructs.SOCKADDR_STORAGE);
            int length = Sockaddrs.encode(new InetSocketAddress("192.0.2.7", 0x1234), LinuxConstants.AF_INET, s, 0);
            assertThat(length).isEqualTo(16);
            // family 2 (host order, little-endian here), port and address in network order, zero padding
            assertThat(hex(s, 16)).isEqualTo("0200" + "1234" + "c0000207" + "0000000000000000");
            assertThat(Sockaddrs.decode(s, 0)).isEqualTo(new InetSocketAddress("192.0.2.7", 0x1234));
        }
    }

    @Test
    void ipv4OnAnIpv6SocketIsMappedAndReadsBackAsIpv4() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(LinuxStructs.SOCKADDR_STORAGE);
            int length = Sockaddrs.encode(new InetSocketAddress("192.0.2.7", 443), LinuxConstants.AF_INET6, s, 0);
            assertThat(length).isEqualTo(28);
            assertThat(hex(s, 28)).isEqualTo("0a00" + "01bb" + "00000000" + "00000000000000000000ffffc0000207" + "00000000");
            InetSocketAddress back = Sockaddrs.decode(s, 0);
            assertThat(back.getAddress()).isInstanceOf(Inet4Address.class);
            assertThat(back).isEqualTo(new InetSocketAddress("192.0.2.7", 443));
        }
    }

    @Test
    void ipv6KeepsItsScope() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(LinuxStructs.SOCKADDR_STORAGE);
            byte[] raw = HEX.parseHex("fe800000000000000000000000000001");
            InetSocketAddress linkLocal = new InetSocketAddress(Inet6Address.getByAddress(null, raw, 3), 5000);
            Sockaddrs.encode(linkLocal, LinuxConstants.AF_INET6, s, 0);
            assertThat(hex(s, 28)).isEqualTo("0a00" + "1388" + "00000000" + HEX.formatHex(raw) + "03000000");
            InetSocketAddress back = Sockaddrs.decode(s, 0);
            assertThat(((Inet6Address) back.getAddress()).getScopeId()).isEqualTo(3);
            assertThat(back.getPort()).isEqualTo(5000);
        }
    }

    @Test
    void unreachableForTheSocketIsLeftForTheKernelToRefuse() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(LinuxStructs.SOCKADDR_STORAGE);
            Sockaddrs.encode(new InetSocketAddress("::1", 9), LinuxConstants.AF_INET, s, 0);
            assertThat(s.get(ValueLayout.JAVA_SHORT, 0)).isEqualTo((short) LinuxConstants.AF_INET6);
            Sockaddrs.encode(InetSocketAddress.createUnresolved("example.invalid", 9), LinuxConstants.AF_INET, s, 0);
            assertThat(Sockaddrs.decode(s, 0)).as("neither family").isNull();
        }
    }

    @Test
    void theCacheDecodesARepeatedSourceOnce() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment names = arena.allocate(LinuxStructs.SOCKADDR_STORAGE, 4);
            InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("::1"), 7000);
            InetSocketAddress b = new InetSocketAddress(InetAddress.getByName("::1"), 7001);
            Sockaddrs.encode(a, LinuxConstants.AF_INET6, names, 0);
            Sockaddrs.encode(a, LinuxConstants.AF_INET6, names, 128);
            Sockaddrs.encode(b, LinuxConstants.AF_INET6, names, 256);
            Sockaddrs.encode(a, LinuxConstants.AF_INET6, names, 384);
            SourceAddressCache cache = new SourceAddressCache();
            InetSocketAddress first = cache.decode(names, 0);
            assertThat(cache.decode(names, 128)).isSameAs(first);
            assertThat(cache.decodes()).isEqualTo(1);
            assertThat(cache.decode(names, 256)).isEqualTo(b);
            assertThat(cache.decode(names, 384)).isEqualTo(a);
            assertThat(cache.decodes()).isEqualTo(3);
        }
    }

    private static String hex(MemorySegment s, int length) {
        return HEX.formatHex(s.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
    }
}
