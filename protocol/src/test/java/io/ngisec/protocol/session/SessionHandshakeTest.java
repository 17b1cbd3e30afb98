package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.handshake.HandshakeFailure;
import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordHeader;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The handshake glue over in-memory paths: retransmission, the 1200-byte bound, timeout, rejection. */
class SessionHandshakeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SessionHandshake.Timing FAST = new SessionHandshake.Timing(Duration.ofMillis(20), Duration.ofSeconds(5));

    private final TestOrganization org = new TestOrganization("Acme");
    private final LocalCredentials alice = org.enroll("alice");
    private final LocalCredentials bob = org.enroll("bob");
    private final SignedTicket ticket = org.ticket(alice, bob);
    private final PairedPaths paths = new PairedPaths();

    @Test
    void lostInitAndLostFinishAreRepeatedAndTheSessionCarriesData() throws Exception {
        paths.a.dropWhen(once(PacketType.HANDSHAKE_INIT).or(once(PacketType.HANDSHAKE_FINISH)));
        DatagramInbox aliceInbox = DatagramInbox.of(paths.a);
        DatagramInbox bobInbox = DatagramInbox.of(paths.b);
        CompletableFuture<SessionHandshake.Established> bobSide = async(() -> SessionHandshake.respond(
                paths.b, bobInbox, this::bobResponder, FAST));

        SessionHandshake.Established aliceDone = SessionHandshake.initiate(paths.a, aliceInbox, aliceInitiator(), FAST);
        // Alice's first FINISH was lost: her session repeats it when Bob repeats his RESPONSE.
        try (UdpSession aliceSession = UdpSession.start(paths.a, aliceInbox, aliceDone, SessionConfig.defaults(),
                new SplittableRandom(1))) {
            SessionHandshake.Established bobDone = bobSide.get(10, TimeUnit.SECONDS);
            try (UdpSession bobSession = UdpSession.start(paths.b, bobInbox, bobDone, SessionConfig.defaults(),
                    new SplittableRandom(2))) {
                assertThat(bobDone.result().peer().deviceId()).isEqualTo(alice.certificate().deviceId());
                assertThat(aliceSession.sendDatagram(1, new byte[] {7, 7})).isTrue();
                assertThat(bobSession.receiveDatagram(Duration.ofSeconds(10)))
                        .hasValueSatisfying(d -> assertThat(d.data()).containsExactly(7, 7));
                assertThat(aliceSession.stats().security().finishRepeats()).isPositive();
            }
        }
        assertThat(count(paths.a, PacketType.HANDSHAKE_INIT)).isGreaterThanOrEqualTo(2);
        assertThat(count(paths.a, PacketType.HANDSHAKE_FINISH)).isGreaterThanOrEqualTo(2);
        assertThat(paths.a.sent).filteredOn(d -> SessionHandshake.typeOf(d) != PacketType.DATA)
                .allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(1200));
        assertThat(paths.b.sent).filteredOn(d -> SessionHandshake.typeOf(d) != PacketType.DATA)
                .allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(1200));
    }

    @Test
    void aSilentPeerEndsInTimeoutAfterRetransmissions() {
        DatagramInbox inbox = DatagramInbox.of(paths.a);
        SessionHandshake.Timing timing = new SessionHandshake.Timing(Duration.ofMillis(10), Duration.ofMillis(300));

        assertThatThrownBy(() -> SessionHandshake.initiate(paths.a, inbox, aliceInitiator(), timing))
                .isInstanceOfSatisfying(SessionFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(SessionFailure.Reason.HANDSHAKE_TIMEOUT));
        assertThat(count(paths.a, PacketType.HANDSHAKE_INIT)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void garbageBeforeTheGenuineInitIsDroppedAndTheHandshakeCompletes() throws Exception {
        DatagramInbox aliceInbox = DatagramInbox.of(paths.a);
        DatagramInbox bobInbox = DatagramInbox.of(paths.b);
        byte[] garbageInit = new byte[300];
        new SplittableRandom(3).nextBytes(garbageInit);
        // An INIT header (from a throwaway initiator) over random bytes: parses as INIT, fails Noise.
        System.arraycopy(aliceInitiator().start(), 0, garbageInit, 0, RecordHeader.LENGTH);
        bobInbox.offer(java.nio.ByteBuffer.wrap(garbageInit));
        CompletableFuture<SessionHandshake.Established> bobSide = async(() -> SessionHandshake.respond(
                paths.b, bobInbox, this::bobResponder, FAST));

        SessionHandshake.initiate(paths.a, aliceInbox, aliceInitiator(), FAST);

        assertThat(bobSide.get(10, TimeUnit.SECONDS).result().peer().deviceId()).isEqualTo(alice.certificate().deviceId());
    }

    @Test
    void aResponderFromAnotherOrganizationIsRejectedAtOnce() {
        TestOrganization other = new TestOrganization("Elsewhere");
        LocalCredentials mallory = other.enroll("mallory");
        DatagramInbox aliceInbox = DatagramInbox.of(paths.a);
        DatagramInbox malloryInbox = DatagramInbox.of(paths.b);
        CompletableFuture<SessionHandshake.Established> mallorySide = async(() -> SessionHandshake.respond(paths.b,
                malloryInbox, () -> new HandshakeResponder(mallory, other.verifier(), 2, RANDOM, System::nanoTime),
                new SessionHandshake.Timing(Duration.ofMillis(20), Duration.ofMillis(500))));

        assertThatThrownBy(() -> SessionHandshake.initiate(paths.a, aliceInbox, aliceInitiator(), FAST))
                .isInstanceOfSatisfying(SessionFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(SessionFailure.Reason.HANDSHAKE_REJECTED);
                    assertThat(f.handshakeReason()).hasValue(HandshakeFailure.Reason.CERT_UNTRUSTED);
                });
        assertThatThrownBy(() -> mallorySide.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(SessionFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(SessionFailure.Reason.HANDSHAKE_TIMEOUT));
    }

    private HandshakeInitiator aliceInitiator() {
        return new HandshakeInitiator(alice, ticket, org.verifier(), 0x1111L, RANDOM, System::nanoTime);
    }

    private HandshakeResponder bobResponder() {
        return new HandshakeResponder(bob, org.verifier(), 0x2222L, RANDOM, System::nanoTime);
    }

    /** Matches the first datagram of {@code type} only. */
    private static java.util.function.Predicate<byte[]> once(PacketType type) {
        AtomicInteger seen = new AtomicInteger();
        return d -> SessionHandshake.typeOf(d) == type && seen.getAndIncrement() == 0;
    }

    private static long count(PairedPaths.End end, PacketType type) {
        return end.sent.stream().filter(d -> SessionHandshake.typeOf(d) == type).count();
    }

    interface Step<T> {
        T run() throws Exception;
    }

    static <T> CompletableFuture<T> async(Step<T> step) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                f.complete(step.run());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }
}
