package io.ngisec.server.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local source addresses for outgoing connections, round robin over 127.0.0.1 .. 127.0.0.N, so
 * that more connections fit than one address has ephemeral ports. Loopback only, by construction:
 * never any other address. Thread safe.
 */
final class LoopbackSources {

    /** The most addresses we hand out (127.0.0.1 .. 127.0.0.254). */
    static final int MAX = 254;

    private final InetSocketAddress[] addresses;
    private final AtomicInteger next = new AtomicInteger();

    /** {@code count} addresses from 127.0.0.1; IllegalArgumentException outside 1..254. */
    LoopbackSources(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("source addresses must be 1.." + MAX + ", not " + count);
        }
        addresses = new InetSocketAddress[count];
        for (int i = 0; i < count; i++) {
            try {
                addresses[i] = new InetSocketAddress(
                        InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (i + 1)}), 0);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a literal address cannot be unknown", e);
            }
        }
    }

    /** How many addresses there are. */
    int size() {
        return addresses.length;
    }

    /** The next address (port 0: the kernel picks the port). */
    InetSocketAddress next() {
        return addresses[Math.floorMod(next.getAndIncrement(), addresses.length)];
    }
}
