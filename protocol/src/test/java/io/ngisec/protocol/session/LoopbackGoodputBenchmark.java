package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk goodput over loopback: an NGISec session over an ICE host pair (one reliable stream,
 * 1200-byte datagrams) against raw Java UDP with the same datagram size, measured in the same JVM,
 * alternating, several runs each. Raw UDP is one connected blocking {@link DatagramChannel} per side,
 * a sender thread sending as fast as it can and a receiver thread counting what arrives (what the
 * kernel drops is not counted). Run with {@code protocol/goodput.sh}; prints one line per run and
 * the medians.
 */
public final class LoopbackGoodputBenchmark {

    private static final int DATAGRAM = SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES;

    private LoopbackGoodputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) << 20 : 512L << 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Double> raw = new ArrayList<>();
        List<Double> ngisec = new ArrayList<>();
        // One untimed run of each first, so both are compiled before anything counts.
        rawUdp(bytes / 4);
        session(bytes / 4);
        for (int i = 0; i < runs; i++) {
            double r = rawUdp(bytes);
            double s = session(bytes);
            raw.add(r);
            ngisec.add(s);
            System.out.printf("run %d: raw UDP %.1f MB/s, NGISec %.1f MB/s (%.1f %%)%n", i + 1, r / 1e6, s / 1e6,
                    100 * s / r);
        }
        double mr = median(raw);
        double ms = median(ngisec);
        System.out.printf("median of %d runs, %d MiB each, %d-byte datagrams: raw UDP %.1f MB/s, NGISec %.1f MB/s"
                + " (%.1f %% of raw)%n", runs, bytes >> 20, DATAGRAM, mr / 1e6, ms / 1e6, 100 * ms / mr);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Bytes per second the receiver got of {@code bytes} sent in {@link #DATAGRAM}-byte datagrams. */
    static double rawUdp(long bytes) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramChannel rx = DatagramChannel.open(); DatagramChannel tx = DatagramChannel.open()) {
            rx.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            rx.bind(new InetSocketAddress(lo, 0));
            tx.bind(new InetSocketAddress(lo, 0));
            rx.connect(tx.getLocalAddress());
            tx.connect(rx.getLocalAddress());
            long datagrams = bytes / DATAGRAM;
            AtomicLong received = new AtomicLong();
            AtomicLong lastAt = new AtomicLong();
            Thread receiver = Thread.ofPlatform().name("raw-rx").start(() -> {
                ByteBuffer in = ByteBuffer.allocateDirect(65_536);
                try {
                    while (true) {
                        in.clear();
                        rx.receive(in);
                        if (in.position() == 1) {
                            return; // the end marker
                        }
                        received.addAndGet(in.position());
                        lastAt.set(System.nanoTime());
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            byte[] payload = new byte[DATAGRAM];
            new SplittableRandom(1).nextBytes(payload);
            ByteBuffer out = ByteBuffer.allocateDirect(DATAGRAM).put(payload);
            long start = System.nanoTime();
            for (long i = 0; i < datagrams; i++) {
                out.clear();
                tx.write(out);
            }
            // The receiver may still be draining its buffer: the marker tells it to stop; repeat it in case it is dropped.
            for (int i = 0; i < 50 && receiver.isAlive(); i++) {
                tx.write(ByteBuffer.allocate(1));
                receiver.join(20);
            }
            receiver.join(1000);
            return received.get() / ((lastAt.get() - start) / 1e9);
        }
    }

    /** Bytes per second of {@code bytes} moved over one reliable stream of an NGISec session on ICE loopback. */
    static double session(long bytes) throws Exception {
        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials alice = org.enroll("alice");
        LocalCredentials bob = org.enroll("bob");
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        Duration timeout = Duration.ofSeconds(10);
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, timeout), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, timeout), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(15, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(15, TimeUnit.SECONDS);
            EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 10);
            // PLPMTUD would raise the session's datagrams above raw UDP's: pin both to the same size.
            SessionConfig config = SessionConfig.defaults().withBuffers(4 << 20, 8 << 20)
                    .withLifecycle(LifecycleConfig.DEFAULT.withMaxPmtu(DATAGRAM));
            try (UdpSession sender = UdpSession.start(pa, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1));
                    UdpSession receiver = UdpSession.start(pb, pair.bobInbox(), pair.bob(), config, new SplittableRandom(2))) {
                byte[] chunk = new byte[256 * 1024];
                new SplittableRandom(7).nextBytes(chunk);
                long start = System.nanoTime();
                Thread writer = Thread.ofPlatform().name("bulk-writer").start(() -> {
                    try {
                        for (long w = 0; w < bytes; ) {
                            int n = (int) Math.min(chunk.length, bytes - w);
                            sender.write(0, ByteBuffer.wrap(chunk, 0, n));
                            w += n;
                        }
                        sender.finish(0);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                ByteBuffer in = ByteBuffer.allocate(256 * 1024);
                long got = 0;
                for (int n = receiver.read(0, in); n >= 0; n = receiver.read(0, in.clear())) {
                    got += n;
                }
                long elapsed = System.nanoTime() - start;
                writer.join();
                if (got != bytes) {
                    throw new IllegalStateException("received " + got + " of " + bytes);
                }
                return bytes / (elapsed / 1e9);
            }
        } finally {
            signaling[0].close();
        }
    }
}
