package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.TestOrganization;
import io.ngisec.protocol.transport.DatagramPath;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link UdpSession#migrate} and {@link UdpSession#acceptPath} with real driver threads over
 * in-memory paths: alice moves, bob (who only accepts the path) follows once alice's traffic is
 * there, and data written before and after arrives in order; a path that swallows the echo fails
 * the move with PATH_VALIDATION_FAILED and the session carries on where it was.
 */
class UdpSessionMigrationTest {

    @Test
    void aliceMovesBobFollowsAndTheStreamGoesOn() throws Exception {
        Sessions s = new Sessions();
        try (UdpSession alice = s.alice; UdpSession bob = s.bob) {
            PairedPaths second = new PairedPaths();
            bob.acceptPath(second.b);
            write(alice, 0, 100_000);

            assertThat(alice.migrate(second.a).get(20, TimeUnit.SECONDS)).isSameAs(second.a);
            write(alice, 100_000, 100_000);
            await(() -> bob.path() == second.b);
            assertThat(read(bob, 200_000)).isEqualTo(pattern(0, 200_000));

            int sentBefore = s.first.a.sent.size();
            write(alice, 200_000, 50_000);
            assertThat(read(bob, 50_000)).isEqualTo(pattern(200_000, 50_000));
            assertThat(s.first.a.sent.size()).as("nothing more on the old path").isEqualTo(sentBefore);
            assertThat(alice.migrations()).isEqualTo(1);
            assertThat(bob.migrations()).isEqualTo(1);
        }
    }

    @Test
    void aPathThatSwallowsTheEchoFailsTheMoveAndTheSessionStays() throws Exception {
        Sessions s = new Sessions();
        try (UdpSession alice = s.alice; UdpSession bob = s.bob) {
            PairedPaths deaf = new PairedPaths();
            deaf.b.dropWhen(d -> true); // bob's answers never come back
            bob.acceptPath(deaf.b);

            CompletableFuture<DatagramPath> move = alice.migrate(deaf.a);
            write(alice, 0, 30_000);
            assertThat(read(bob, 30_000)).isEqualTo(pattern(0, 30_000));
            ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                    () -> move.get(30, TimeUnit.SECONDS));

            assertThat(failure.getCause()).isInstanceOfSatisfying(SessionFailure.class,
                    f -> assertThat(f.reason()).isEqualTo(SessionFailure.Reason.PATH_VALIDATION_FAILED));
            assertThat(alice.path()).isSameAs(s.first.a);
            assertThat(deaf.a.sent).as("challenges went out").isNotEmpty();
            write(alice, 30_000, 30_000);
            assertThat(read(bob, 30_000)).isEqualTo(pattern(30_000, 30_000));
            assertThat(alice.migrations()).isZero();
        }
    }

    /** Alice and bob after a handshake over in-memory paths. */
    private static final class Sessions {
        final PairedPaths first = new PairedPaths();
        final UdpSession alice;
        final UdpSession bob;

        Sessions() throws Exception {
            TestOrganization org = new TestOrganization("Acme");
            LocalCredentials a = org.enroll("alice");
            LocalCredentials b = org.enroll("bob");
            EstablishedPair pair = EstablishedPair.handshake(org, a, b, first.a, first.b, 10);
            alice = UdpSession.start(first.a, pair.aliceInbox(), pair.alice(), SessionConfig.defaults(), new SplittableRandom(1));
            bob = UdpSession.start(first.b, pair.bobInbox(), pair.bob(), SessionConfig.defaults(), new SplittableRandom(2));
        }
    }

    private static byte[] pattern(int from, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((from + i) * 131 >>> 3);
        }
        return b;
    }

    private static void write(UdpSession session, int from, int length) throws Exception {
        session.write(0, ByteBuffer.wrap(pattern(from, length)));
    }

    private static byte[] read(UdpSession session, int length) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            assertThat(session.read(0, buffer)).isPositive();
        }
        return Arrays.copyOf(buffer.array(), length);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
