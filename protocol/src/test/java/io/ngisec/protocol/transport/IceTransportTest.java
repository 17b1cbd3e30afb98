package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two agents in this JVM over loopback: host candidates, InMemorySignaling. */
class IceTransportTest {

    private static final int DATAGRAMS = 1_000;
    /** At most this many unreceived datagrams in flight, so no socket buffer ever overflows. */
    private static final int WINDOW = 32;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void twoAgentsOnLoopbackConnectAndExchangeDatagramsBothWays() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(15, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(15, TimeUnit.SECONDS);

            assertThat(pa.localType()).isEqualTo(CandidateType.HOST);
            assertThat(pa.remoteType()).isEqualTo(CandidateType.HOST);
            assertThat(pa.localAddress().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(pa.localAddress()).isEqualTo(pb.remoteAddress());
            assertThat(pa.remoteAddress()).isEqualTo(pb.localAddress());
            assertThat(a.localDescription().candidates()).allSatisfy(c -> assertThat(c.type()).isEqualTo(CandidateType.HOST));

            Counter atA = new Counter();
            Counter atB = new Counter();
            pa.receive(atA::onDatagram);
            pb.receive(atB::onDatagram);
            CompletableFuture<Void> sendA = CompletableFuture.runAsync(() -> sendAll(pa, 'a', atB));
            CompletableFuture<Void> sendB = CompletableFuture.runAsync(() -> sendAll(pb, 'b', atA));
            sendA.get(10, TimeUnit.SECONDS);
            sendB.get(10, TimeUnit.SECONDS);

            atA.assertAllFrom('b');
            atB.assertAllFrom('a');
        } finally {
            signaling[0].close();
        }
    }

    @Test
    void aPeerThatNeverAnswersFailsWithTimeout() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(
                IceSettings.loopback(IceRole.CONTROLLING, Duration.ofMillis(300)), signaling[0])) {
            CompletableFuture<DatagramPath> f = a.connect();

            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(TransportFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(TransportFailure.Reason.TIMEOUT));
        } finally {
            signaling[0].close();
        }
    }

    @Test
    void aMalformedAnswerFailsTheConnect() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0])) {
            CompletableFuture<DatagramPath> f = a.connect();
            signaling[1].send("{\"type\":\"ice\"}");

            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(TransportFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(TransportFailure.Reason.MALFORMED_DESCRIPTION));
        } finally {
            signaling[0].close();
        }
    }

    @Test
    void closingBeforeAPathIsSelectedFailsWithClosed() {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
        CompletableFuture<DatagramPath> f = a.connect();
        a.close();

        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(TransportFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(TransportFailure.Reason.CLOSED));
        signaling[0].close();
    }

    /** Datagram i is 1 tag byte, a 4-byte index, and 100 bytes derived from both. */
    private static ByteBuffer datagram(char tag, int i) {
        ByteBuffer b = ByteBuffer.allocate(105);
        b.put((byte) tag).putInt(i);
        while (b.hasRemaining()) {
            b.put((byte) (i * 31 + b.position() + tag));
        }
        return b.flip();
    }

    private static void sendAll(DatagramPath path, char tag, Counter peer) {
        try {
            for (int i = 0; i < DATAGRAMS; i++) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (i - peer.received() >= WINDOW) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("peer stuck at " + peer.received() + " of " + i);
                    }
                    Thread.onSpinWait();
                    Thread.sleep(0, 100_000);
                }
                path.send(datagram(tag, i), QosClass.BEST_EFFORT);
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    /** Counts datagrams, remembering which indices arrived and whether each was intact. */
    private static final class Counter {
        private final AtomicInteger received = new AtomicInteger();
        private final BitSet seen = new BitSet();
        private int corrupt;
        private char tag;

        synchronized void onDatagram(ByteBuffer d) {
            ByteBuffer copy = ByteBuffer.allocate(d.remaining()).put(d).flip();
            tag = (char) copy.get(0);
            int i = copy.getInt(1);
            if (i < 0 || i >= DATAGRAMS || !copy.equals(datagram(tag, i))) {
                corrupt++;
            } else {
                seen.set(i);
            }
            received.incrementAndGet();
        }

        int received() {
            return received.get();
        }

        synchronized void assertAllFrom(char expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received() < DATAGRAMS && System.nanoTime() < deadline) {
                wait(10);
            }
            assertThat(corrupt).isZero();
            assertThat(tag).isEqualTo(expected);
            assertThat(seen.cardinality()).isEqualTo(DATAGRAMS);
            assertThat(received()).isEqualTo(DATAGRAMS);
        }
    }
}
