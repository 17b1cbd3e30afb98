package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.PathEvent;
import io.ngisec.protocol.transport.TransportFailure;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * ConnectedSession's policy with real sessions over in-memory paths and a stand-in for ICE that
 * the test drives: consent loss restarts ICE and the session moves to the path ICE then selects,
 * releasing the old one; failed restarts are retried a bounded number of times; an application
 * restart completes once the session is on the new path.
 */
class ConnectedSessionTest {

    /** ICE as the test plays it: records restarts and releases, and reports what the test says. */
    private static final class FakeIce implements ConnectedSession.Transport {
        final AtomicInteger restarts = new AtomicInteger();
        final List<DatagramPath> released = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<DatagramPath> nextRestart = new CompletableFuture<>();
        volatile boolean closed;
        private volatile IceTransport.PathListener listener;

        @Override
        public void setPathListener(IceTransport.PathListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletableFuture<DatagramPath> restart() {
            restarts.incrementAndGet();
            return nextRestart;
        }

        @Override
        public void release(DatagramPath path) {
            released.add(path);
        }

        @Override
        public void close() {
            closed = true;
        }

        void report(PathEvent.Kind kind, DatagramPath path) {
            listener.onPathEvent(new PathEvent(kind, path, null));
        }

        void restartFailed() {
            listener.onPathEvent(new PathEvent(PathEvent.Kind.RESTART_FAILED, null,
                    new TransportFailure(TransportFailure.Reason.TIMEOUT, "test")));
        }
    }

    /** What a side's listener was told, in order. */
    private static final class Told implements ConnectedSession.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onMigrated(DatagramPath from, DatagramPath to) {
            events.add("migrated");
        }

        @Override
        public void onPathLost(DatagramPath path) {
            events.add("lost");
        }

        @Override
        public void onFailure(Throwable cause, boolean willRetry) {
            events.add(willRetry ? "failed, retrying" : "failed");
        }
    }

    private final PairedPaths first = new PairedPaths();
    private final FakeIce aliceIce = new FakeIce();
    private final FakeIce bobIce = new FakeIce();
    private final Told aliceTold = new Told();
    private final Told bobTold = new Told();

    private ConnectedSession[] connect() throws Exception {
        TestOrganization org = new TestOrganization("Acme");
        LocalCredentials a = org.enroll("alice");
        LocalCredentials b = org.enroll("bob");
        EstablishedPair pair = EstablishedPair.handshake(org, a, b, first.a, first.b, 10);
        UdpSession alice = UdpSession.start(first.a, pair.aliceInbox(), pair.alice(), SessionConfig.defaults(), new SplittableRandom(1));
        UdpSession bob = UdpSession.start(first.b, pair.bobInbox(), pair.bob(), SessionConfig.defaults(), new SplittableRandom(2));
        return new ConnectedSession[] {
            ConnectedSession.start(aliceIce, alice, aliceTold), ConnectedSession.start(bobIce, bob, bobTold)};
    }

    @Test
    void consentLossRestartsIceAndTheSessionMovesToTheNewPathReleasingTheOld() throws Exception {
        ConnectedSession[] sides = connect();
        try (ConnectedSession alice = sides[0]; ConnectedSession bob = sides[1]) {
            aliceIce.report(PathEvent.Kind.CONSENT_LOST, first.a);
            assertThat(aliceIce.restarts).hasValue(1);

            PairedPaths second = new PairedPaths(); // what the restarted ICE selects on both sides
            aliceIce.report(PathEvent.Kind.SELECTED, second.a);
            bobIce.report(PathEvent.Kind.SELECTED, second.b);
            await(() -> alice.path() == second.a && bob.path() == second.b);
            await(() -> aliceIce.released.size() == 1 && bobIce.released.size() == 1);

            assertThat(aliceIce.released).containsExactly(first.a);
            assertThat(bobIce.released).containsExactly(first.b);
            assertThat(aliceTold.events).containsExactly("lost", "migrated");
            assertThat(bobTold.events).containsExactly("migrated");
            alice.session().write(0, ByteBuffer.wrap(new byte[5000]));
            ByteBuffer in = ByteBuffer.allocate(5000);
            while (in.hasRemaining()) {
                bob.session().read(0, in);
            }

            aliceIce.report(PathEvent.Kind.CONSENT_LOST, first.a); // the old path, left already
            assertThat(aliceIce.restarts).hasValue(1);
        }
        assertThat(aliceIce.closed).isTrue();
    }

    @Test
    void failedRestartsAreRetriedWhileThePathIsDeadAndThenGivenUp() throws Exception {
        ConnectedSession[] sides = connect();
        try (ConnectedSession alice = sides[0]; ConnectedSession bob = sides[1]) {
            aliceIce.report(PathEvent.Kind.CONSENT_LOST, first.a);
            for (int i = 0; i < ConnectedSession.MAX_RESTART_ATTEMPTS + 2; i++) {
                aliceIce.restartFailed();
            }

            assertThat(aliceIce.restarts).hasValue(ConnectedSession.MAX_RESTART_ATTEMPTS);
            assertThat(aliceTold.events).containsExactly("lost", "failed, retrying", "failed, retrying", "failed",
                    "failed", "failed");
            assertThat(alice.path()).isSameAs(first.a);
        }
    }

    @Test
    void anApplicationRestartCompletesOnceTheSessionSendsOnTheNewPath() throws Exception {
        ConnectedSession[] sides = connect();
        try (ConnectedSession alice = sides[0]; ConnectedSession bob = sides[1]) {
            PairedPaths second = new PairedPaths();
            CompletableFuture<DatagramPath> moved = alice.restartIce();
            assertThat(aliceIce.restarts).hasValue(1);
            bobIce.report(PathEvent.Kind.SELECTED, second.b); // the peer follows the restart
            aliceIce.nextRestart.complete(second.a);
            aliceIce.report(PathEvent.Kind.SELECTED, second.a);

            assertThat(moved.get(20, TimeUnit.SECONDS)).isSameAs(second.a);
            assertThat(alice.path()).isSameAs(second.a);
            await(() -> aliceIce.released.contains(first.a));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
