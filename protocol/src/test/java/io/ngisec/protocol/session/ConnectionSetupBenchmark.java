package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connection setup on loopback, from "the initiator holds a ticket" to "the responder has read
 * the first protected byte": ICE (gathering host candidates, exchanging descriptions in memory,
 * checks, nomination), the NGISec handshake, and one byte over a stream. Each phase is timed
 * from the start; prints medians and the slowest of N runs (after 3 untimed ones).
 * Run with {@code protocol/goodput.sh --setup [N]}.
 */
public final class ConnectionSetupBenchmark {

    private ConnectionSetupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials alice = org.enroll("alice");
        LocalCredentials bob = org.enroll("bob");
        for (int i = 0; i < 3; i++) {
            once(org, alice, bob);
        }
        long[][] phases = new long[3][runs];
        for (int i = 0; i < runs; i++) {
            long[] t = once(org, alice, bob);
            for (int p = 0; p < 3; p++) {
                phases[p][i] = t[p];
            }
        }
        String[] names = {"ICE path selected", "handshake done", "first protected byte read"};
        System.out.printf("connection setup on loopback, %d runs (ms from start, median / max):%n", runs);
        for (int p = 0; p < 3; p++) {
            long[] v = phases[p].clone();
            Arrays.sort(v);
            System.out.printf("  %-26s %7.1f / %7.1f%n", names[p], v[runs / 2] / 1e6, v[runs - 1] / 1e6);
        }
    }

    /** Nanoseconds from start to: both paths selected, both handshakes done, the first byte read. */
    private static long[] once(TestOrganization org, LocalCredentials alice, LocalCredentials bob) throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        Duration timeout = Duration.ofSeconds(10);
        long start = System.nanoTime();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, timeout), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, timeout), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(15, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(15, TimeUnit.SECONDS);
            long ice = System.nanoTime() - start;
            EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 10);
            long handshake = System.nanoTime() - start;
            SessionConfig config = SessionConfig.defaults();
            try (UdpSession sender = UdpSession.start(pa, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1));
                    UdpSession receiver = UdpSession.start(pb, pair.bobInbox(), pair.bob(), config, new SplittableRandom(2))) {
                sender.write(0, ByteBuffer.wrap(new byte[] {42}));
                ByteBuffer one = ByteBuffer.allocate(1);
                if (receiver.read(0, one) != 1 || one.get(0) != 42) {
                    throw new IllegalStateException("first byte lost");
                }
                long firstByte = System.nanoTime() - start;
                return new long[] {ice, handshake, firstByte};
            }
        } finally {
            signaling[0].close();
        }
    }
}
