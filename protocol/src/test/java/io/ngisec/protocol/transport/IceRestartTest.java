package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Trickle ICE and ICE restart between two agents in this JVM over loopback: candidates go out in
 * fragments as they are gathered with end-of-candidates last; a restart by one side gives both
 * sides a new path on new ports while the old one still works; stale and malformed messages after
 * the first path are dropped and counted.
 */
class IceRestartTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void candidatesTrickleInFragmentsWithEndOfCandidatesLast() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        RecordingSignaling aliceOut = new RecordingSignaling(signaling[0]);
        try (FakeStunServer stun = new FakeStunServer(InetAddress.getByName("127.0.0.2"));
                IceTransport a = new IceTransport(new IceSettings(IceRole.CONTROLLING,
                        IceServers.of(List.of(stun.uri()), null), List.of(InetAddress.getLoopbackAddress()), CONNECT_TIMEOUT),
                        aliceOut);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            b.connect();
            DatagramPath pa = fa.get(40, TimeUnit.SECONDS);
            await(() -> a.localDescription().endOfCandidates());

            List<IceDescription> fragments = aliceOut.fragments();
            assertThat(fragments).hasSizeGreaterThanOrEqualTo(2);
            assertThat(fragments.getFirst().candidates()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.type()).isEqualTo(CandidateType.HOST));
            assertThat(fragments.getFirst().endOfCandidates()).as("servers still to answer").isFalse();
            assertThat(fragments.getLast().endOfCandidates()).isTrue();
            assertThat(fragments.subList(0, fragments.size() - 1)).noneMatch(IceDescription::endOfCandidates);
            assertThat(fragments).extracting(IceDescription::ufrag).containsOnly(fragments.getFirst().ufrag());
            assertThat(fragments).extracting(IceDescription::pwd).containsOnly(fragments.getFirst().pwd());
            List<IceCandidate> reflexive = fragments.stream().skip(1).flatMap(f -> f.candidates().stream()).toList();
            assertThat(reflexive).isNotEmpty().allSatisfy(c -> {
                assertThat(c.type()).isEqualTo(CandidateType.SERVER_REFLEXIVE);
                assertThat(c.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
            });
            assertThat(stun.answered()).isPositive();
            assertThat(a.localDescription().candidates()).hasSize(fragments.stream().mapToInt(f -> f.candidates().size()).sum());
            assertThat(pa.localType()).isEqualTo(CandidateType.HOST);
        } finally {
            signaling[0].close();
        }
    }

    @Test
    void aRestartByOneSideGivesBothSidesANewPathOnNewPorts() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        BlockingQueue<PathEvent> atA = new LinkedBlockingQueue<>();
        BlockingQueue<PathEvent> atB = new LinkedBlockingQueue<>();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1])) {
            a.setPathListener(atA::add);
            b.setPathListener(atB::add);
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(40, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(40, TimeUnit.SECONDS);
            assertThat(next(atA)).isEqualTo(new PathEvent(PathEvent.Kind.SELECTED, pa, null));
            assertThat(next(atB)).isEqualTo(new PathEvent(PathEvent.Kind.SELECTED, pb, null));
            String firstUfrag = a.localDescription().ufrag();

            DatagramPath pb2 = b.restart().get(40, TimeUnit.SECONDS);
            PathEvent selectedAtA = next(atA);
            assertThat(next(atB)).isEqualTo(new PathEvent(PathEvent.Kind.SELECTED, pb2, null));
            assertThat(selectedAtA.kind()).isEqualTo(PathEvent.Kind.SELECTED);
            DatagramPath pa2 = selectedAtA.path();

            assertThat(pa2).isNotSameAs(pa);
            assertThat(pb2).isNotSameAs(pb);
            assertThat(a.localDescription().ufrag()).as("a restarted too, with new credentials").isNotEqualTo(firstUfrag);
            assertThat(pa2.localAddress().getPort()).isNotEqualTo(pa.localAddress().getPort());
            assertThat(pb2.localAddress().getPort()).isNotEqualTo(pb.localAddress().getPort());
            assertThat(pa2.remoteAddress()).isEqualTo(pb2.localAddress());
            exchange(pa2, pb2);
            exchange(pa, pb); // the old path works until released

            a.release(pa);
            assertThatThrownBy(() -> pa.send(ByteBuffer.wrap(new byte[] {1}), QosClass.BEST_EFFORT)).isInstanceOf(IOException.class);
            a.release(pa2); // the current one: kept
            exchange(pa2, pb2);
        } finally {
            signaling[0].close();
        }
    }

    @Test
    void staleAndMalformedMessagesAfterTheFirstPathAreDroppedAndCounted() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        RecordingSignaling bobOut = new RecordingSignaling(signaling[1]);
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), bobOut)) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(40, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(40, TimeUnit.SECONDS);
            String bobsFirstGeneration = bobOut.sent.getFirst();
            b.restart().get(40, TimeUnit.SECONDS);

            signaling[1].send(bobsFirstGeneration);
            signaling[1].send("{\"type\":\"ice\"}");
            await(() -> a.droppedMessages() == 2);

            assertThat(a.restart().get(40, TimeUnit.SECONDS)).as("still answering restarts").isNotNull();
            assertThat(a.droppedMessages()).isEqualTo(2);
            exchange(pa, pb);
        } finally {
            signaling[0].close();
        }
    }

    private static PathEvent next(BlockingQueue<PathEvent> events) throws InterruptedException {
        PathEvent e = events.poll(40, TimeUnit.SECONDS);
        assertThat(e).as("an event within 40 s").isNotNull();
        return e;
    }

    /** One datagram each way, waiting up to 5 s for each. */
    static void exchange(DatagramPath a, DatagramPath b) throws Exception {
        BlockingQueue<byte[]> atA = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        receiveInto(a, atA);
        receiveInto(b, atB);
        a.send(ByteBuffer.wrap(new byte[] {17, 'a'}), QosClass.BEST_EFFORT);
        b.send(ByteBuffer.wrap(new byte[] {17, 'b'}), QosClass.BEST_EFFORT);
        assertThat(atB.poll(5, TimeUnit.SECONDS)).containsExactly(17, 'a');
        assertThat(atA.poll(5, TimeUnit.SECONDS)).containsExactly(17, 'b');
    }

    private static void receiveInto(DatagramPath path, BlockingQueue<byte[]> into) {
        Receivers.of(path).target = into;
    }

    /** One receiver per path (a path is received from only once) whose destination a test can change. */
    private static final class Receivers {
        private static final Map<DatagramPath, Receivers> ALL = Collections.synchronizedMap(new IdentityHashMap<>());
        volatile BlockingQueue<byte[]> target;

        static Receivers of(DatagramPath path) {
            return ALL.computeIfAbsent(path, p -> {
                Receivers r = new Receivers();
                p.receive(d -> {
                    byte[] copy = new byte[d.remaining()];
                    d.get(copy);
                    BlockingQueue<byte[]> t = r.target;
                    if (t != null) {
                        t.add(copy);
                    }
                });
                return r;
            });
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
