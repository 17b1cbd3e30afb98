package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceRole;
import io.ngisec.protocol.transport.IceSettings;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.InMemorySignaling;
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

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final TestOrganization org = new TestOrganization("Acme");
    private final LocalCredentials alice = org.enroll("alice");
    private final LocalCredentials bob = org.enroll("bob");

    @Test
    void aCloseOverUdpWakesThePeersBlockedReaderWithPeerClosedAndTheCloseReason() throws Exception {
        InMemorySignaling[] signaling = InMemorySignaling.pair();
        try (IceTransport a = new IceTransport(IceSettings.loopback(IceRole.CONTROLLING, CONNECT_TIMEOUT), signaling[0]);
                IceTransport b = new IceTransport(IceSettings.loopback(IceRole.CONTROLLED, CONNECT_TIMEOUT), signaling[1])) {
            CompletableFuture<DatagramPath> fa = a.connect();
            CompletableFuture<DatagramPath> fb = b.connect();
            DatagramPath pa = fa.get(15, TimeUnit.SECONDS);
            DatagramPath pb = fb.get(15, TimeUnit.SECONDS);
            EstablishedPair pair = EstablishedPair.handshake(org, alice, bob, pa, pb, 10);
            UdpSession aliceSession = UdpSession.start(pa, pair.aliceInbox(), pair.alice(), SessionConfig.defaults(),
                    new SplittableRandom(1));
            UdpSession bobSession = UdpSession.start(pb, pair.bobInbox(), pair.bob(), SessionConfig.defaults(),
                    new SplittableRandom(2));
            try {
                aliceSession.write(0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
                ByteBuffer in = ByteBuffer.allocate(16);
                assertThat(bobSession.read(0, in)).isEqualTo(3);

                AtomicReference<Thread> reader = new AtomicReference<>();
                CompletableFuture<Integer> blocked = SessionHandshakeTest.async(() -> {
                    reader.set(Thread.currentThread());
                    return bobSession.read(0, in.clear());
                });
                while (reader.get() == null || reader.get().getState() != Thread.State.WAITING) {
                    Thread.sleep(1); // until the reader waits inside read()
                }
                aliceSession.close(CloseReason.application(7, "bye"));

                assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOfSatisfying(SessionFailure.class, f -> {
                            assertThat(f.reason()).isEqualTo(SessionFailure.Reason.PEER_CLOSED);
                            assertThat(f.closeReason()).hasValue(CloseReason.application(7, "bye"));
                        });
                assertThatThrownBy(() -> aliceSession.write(0, ByteBuffer.wrap(new byte[1])))
                        .isInstanceOfSatisfying(SessionFailure.class, f -> {
                            assertThat(f.reason()).isEqualTo(SessionFailure.Reason.CLOSED);
                            assertThat(f.closeReason()).hasValue(CloseReason.application(7, "bye"));
                        });
                assertThat(bobSession.awaitTermination(Duration.ofSeconds(10))).isTrue();
                assertThat(aliceSession.awaitTermination(Duration.ofSeconds(10))).as("drained").isTrue();
            } finally {
                aliceSession.close();
                bobSession.close();
            }
        } finally {
            signaling[0].close();
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
