package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of {@link UdpSession}s on real threads: a close over UDP (two ICE agents on
 * loopback) wakes the peer's blocked reader with PEER_CLOSED, and a session whose peer falls
 * silent ends by idle timeout on its own. No timing is asserted; waits only bound how long a
 * broken build may hang.
 */
class UdpSessionLifecycleTest {

    private final TestOrganization org = new TestOrganization("Acme");
    private final LocalCredentials alice = org.enroll("alice");
    private final LocalCredentials bob = org.enroll("bob");

    @Test
    void aCloseOverUdpWakesThePeersBlockedReaderWithPeerClosedAndTheCloseReason() throws Exception {
        try (IceLoopbackSessions s = IceLoopbackSessions.open(SessionConfig.defaults(), p -> p)) {
            s.alice.write(0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            ByteBuffer in = ByteBuffer.allocate(16);
            assertThat(s.bob.read(0, in)).isEqualTo(3);

            AtomicReference<Thread> reader = new AtomicReference<>();
            CompletableFuture<Integer> blocked = SessionHandshakeTest.async(() -> {
                reader.set(Thread.currentThread());
                return s.bob.read(0, in.clear());
            });
            while (reader.get() == null || reader.get().getState() != Thread.State.WAITING) {
                Thread.sleep(1); // until the reader waits inside read()
            }
            s.alice.close(CloseReason.application(7, "bye"));

            assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(SessionFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(SessionFailure.Reason.PEER_CLOSED);
                        assertThat(f.closeReason()).hasValue(CloseReason.application(7, "bye"));
                    });
            assertThatThrownBy(() -> s.alice.write(0, ByteBuffer.wrap(new byte[1])))
                    .isInstanceOfSatisfying(SessionFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(SessionFailure.Reason.CLOSED);
                        assertThat(f.closeReason()).hasValue(CloseReason.application(7, "bye"));
                    });
            assertThat(s.bob.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(s.alice.awaitTermination(Duration.ofSeconds(10))).as("drained").isTrue();
        }
    }

    @Test
    void aSessionWhosePeerFallsSilentEndsByIdleTimeoutAndSendsNoClose() throws Exception {
        PairedPaths paths = new PairedPaths();
        EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, paths.a, paths.b, 10);
        paths.b.dropWhen(d -> true); // bob is gone: nothing of his arrives any more
        SessionConfig config = SessionConfig.defaults().withLifecycle(
                LifecycleConfig.DEFAULT.withIdle(Duration.ofMillis(200), Duration.ofMillis(100)));
        UdpSession aliceSession = UdpSession.start(paths.a, pair.aliceInbox(), pair.alice(), config, new SplittableRandom(1));
        try {
            assertThatThrownBy(() -> aliceSession.read(0, ByteBuffer.allocate(1)))
                    .isInstanceOfSatisfying(SessionFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(SessionFailure.Reason.IDLE_TIMEOUT);
                        assertThat(f.closeReason()).hasValue(CloseReason.IDLE_TIMEOUT);
                    });
            assertThat(aliceSession.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(paths.a.sent).noneMatch(d -> SessionHandshake.typeOf(d) == PacketType.CLOSE);
            assertThat(paths.a.sent).anyMatch(d -> SessionHandshake.typeOf(d) == PacketType.DATA); // keepalives
        } finally {
            aliceSession.close();
        }
    }
}
