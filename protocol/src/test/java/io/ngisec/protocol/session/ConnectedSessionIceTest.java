package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An ICE restart under a running transfer, over loopback: alice restarts ICE while a stream is
 * under way; both sides get a new path on new ports, the session migrates there with path
 * validation (no new handshake), the old ICE generations are released and closed, and the stream
 * arrives bit-exact, its second part over the new path only. Waits are bounded; nothing is timed.
 */
class ConnectedSessionIceTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final long TOTAL = 48L << 20;
    private static final long BEFORE_RESTART = 16L << 20;

    @Test
    void anIceRestartMidTransferMovesTheSessionToNewPortsAndTheStreamArrivesExact() throws Exception {
        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials alice = org.enroll("alice");
        LocalCredentials bob = org.enroll("bob");
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
        IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1]);
        List<String> aliceMoves = new CopyOnWriteArrayList<>();
        List<String> bobMoves = new CopyOnWriteArrayList<>();
        CompletableFuture<DatagramPath> fa = a.connect();
        CompletableFuture<DatagramPath> fb = b.connect();
        DatagramPath pa = fa.get(40, TimeUnit.SECONDS);
        DatagramPath pb = fb.get(40, TimeUnit.SECONDS);
        EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 20);
        SessionConfig config = SessionConfig.defaults().withBuffers(4 << 20, 8 << 20);
        try (ConnectedSession aliceSide = ConnectedSession.start(a,
                        UdpSession.start(pa, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1)), recorder(aliceMoves));
                ConnectedSession bobSide = ConnectedSession.start(b,
                        UdpSession.start(pb, pair.bobInbox(), pair.bob(), config, new SplittableRandom(2)), recorder(bobMoves))) {
            CountDownLatch restarted = new CountDownLatch(1);
            CompletableFuture<byte[]> sent = SessionHandshakeTest.async(() -> write(aliceSide.session(), restarted));
            AtomicLong received = new AtomicLong();
            CompletableFuture<byte[]> got = SessionHandshakeTest.async(() -> read(bobSide.session(), received));
            await(() -> received.get() >= BEFORE_RESTART / 4);

            DatagramPath newA = aliceSide.restartIce().get(40, TimeUnit.SECONDS);
            await(() -> bobSide.path() != pb);
            DatagramPath newB = bobSide.path();
            restarted.countDown();

            assertThat(newA).isNotSameAs(pa);
            assertThat(newA.localAddress().getPort()).isNotEqualTo(pa.localAddress().getPort());
            assertThat(newB.localAddress().getPort()).isNotEqualTo(pb.localAddress().getPort());
            assertThat(newA.remoteAddress()).isEqualTo(newB.localAddress());
            assertThat(got.get(120, TimeUnit.SECONDS)).isEqualTo(sent.get(10, TimeUnit.SECONDS));
            assertThat(received.get()).isEqualTo(TOTAL);
            assertThat(aliceSide.session().awaitSendDone(0, Duration.ofSeconds(10))).isTrue();
            assertThat(aliceSide.session().migrations()).isEqualTo(1);
            assertThat(bobSide.session().migrations()).isEqualTo(1);
            assertThat(aliceSide.path()).isSameAs(newA);
            await(() -> aliceMoves.size() == 1 && bobMoves.size() == 1);
            assertThat(aliceMoves).containsExactly(pa + " -> " + newA);
            assertThat(bobMoves).containsExactly(pb + " -> " + newB);
            // The old generations are released: their paths are closed.
            await(() -> closed(pa) && closed(pb));
            SessionStats s = aliceSide.session().stats();
            assertThat(s.path().local()).as("statistics follow the path").isEqualTo(newA.localAddress());
            assertThat(s.path().remote()).isEqualTo(newB.localAddress());
            System.out.printf("ICE restart mid-transfer: %d MiB exact; alice %s -> %s; sender packets %d,"
                            + " send failures on closed paths %d%n",
                    TOTAL >> 20, pa.localAddress(), newA.localAddress(), s.packetsSent(), s.drops().pathSendFailures());
        } finally {
            signaling[0].close();
        }
    }

    private static ConnectedSession.Listener recorder(List<String> moves) {
        return new ConnectedSession.Listener() {
            @Override
            public void onMigrated(DatagramPath from, DatagramPath to) {
                moves.add(from + " -> " + to);
            }
        };
    }

    private static boolean closed(DatagramPath path) {
        try {
            path.send(ByteBuffer.allocate(1), QosClass.BEST_EFFORT);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes TOTAL seeded bytes, pausing after BEFORE_RESTART until {@code restarted}; returns their SHA-256. */
    private static byte[] write(UdpSession session, CountDownLatch restarted) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(7);
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < TOTAL; written += chunk.length) {
            if (written == BEFORE_RESTART) {
                assertThat(restarted.await(120, TimeUnit.SECONDS)).isTrue();
            }
            random.nextBytes(chunk);
            digest.update(chunk);
            session.write(0, ByteBuffer.wrap(chunk));
        }
        session.finish(0);
        return digest.digest();
    }

    private static byte[] read(UdpSession session, AtomicLong received) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        for (int n = session.read(0, buffer); n >= 0; n = session.read(0, buffer.clear())) {
            digest.update(buffer.array(), 0, n);
            received.addAndGet(n);
        }
        return digest.digest();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
