package io.ngisec.protocol.transport.udp;

import static io.ngisec.protocol.transport.udp.LinuxConstants.AF_INET6;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * Decodes the source sockaddr of received datagrams, remembering the last one: a session's
 * datagrams come from one peer, so most decode to the address before them and cost a compare of
 * the raw bytes, no allocation. Not thread safe: the receiving thread owns it.
 */
final class SourceAddressCache {

    // The raw bytes of the last sockaddr (family, port, address; IPv4 uses only the first word).
    private long word0;
    private long word1;
    private long word2;
    private int word3;
    private InetSocketAddress last;
    private volatile long decodes; // written by the receiving thread only

    /**
     * The address in the 8-aligned sockaddr at {@code offset} of {@code names}; null if it is
     * neither IPv4 nor IPv6.
     */
    InetSocketAddress decode(MemorySegment names, long offset) {
        long w0 = names.get(JAVA_LONG, offset);
        long w1 = 0;
        long w2 = 0;
        int w3 = 0;
        if (names.get(JAVA_SHORT, offset) == AF_INET6) {
            w1 = names.get(JAVA_LONG, offset + 8);
            w2 = names.get(JAVA_LONG, offset + 16);
            w3 = names.get(JAVA_INT, offset + 24);
        }
        if (last != null && w0 == word0 && w1 == word1 && w2 == word2 && w3 == word3) {
            return last;
        }
        InetSocketAddress decoded = Sockaddrs.decode(names, offset);
        if (decoded != null) {
            decodes = decodes + 1;
            word0 = w0;
            word1 = w1;
            word2 = w2;
            word3 = w3;
            last = decoded;
        }
        return decoded;
    }

    /** How many addresses were decoded rather than taken from the cache (for tests). */
    long decodes() {
        return decodes;
    }
}
