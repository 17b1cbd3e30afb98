package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Who a {@link UdpSession} wakes: a call's voice datagrams wake the one thread waiting for
 * datagrams, not the readers blocked on the session's streams (each wake-up of those is a
 * context switch for nothing; with 100 voice packets a second they were most of a call's
 * session CPU). Counted with the JVM's per-thread wait counts of a platform reader thread.
 */
class UdpSessionWakeUpTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int DATAGRAMS = 200;

    @Test
    void voiceDatagramsLeaveABlockedStreamReaderAsleepAndStreamDataWakesIt() throws Exception {
        try (IceLoopbackSessions s = IceLoopbackSessions.open(SessionConfig.defaults(), p -> p)) {
            AtomicReference<Thread> reader = new AtomicReference<>();
            ByteBuffer in = ByteBuffer.allocate(16);
            CompletableFuture<Integer> blocked = SessionHandshakeTest.async(() -> {
                reader.set(Thread.currentThread());
                return s.bob.read(0, in);
            });
            while (reader.get() == null || reader.get().getState() != Thread.State.WAITING) {
                Thread.sleep(1); // until the reader waits inside read()
            }
            long waitsBefore = waits(reader.get());

            int received = 0;
            for (int i = 0; i < DATAGRAMS; i++) {
                assertThat(s.alice.sendDatagram(1, new byte[] {(byte) i, 1, 2, 3})).isTrue();
                if (s.bob.receiveDatagram(Duration.ofSeconds(5)).isPresent()) {
                    received++;
                }
            }
            long waitsAfter = waits(reader.get());

            assertThat(received).as("datagrams taken by bob").isGreaterThan(DATAGRAMS * 9 / 10);
            assertThat(blocked).isNotDone();
            // Each wake-up ends one wait and starts another; a few for the session's own
            // acknowledgements and timers would be no bug, one per datagram would.
            assertThat(waitsAfter - waitsBefore).as("times the blocked reader woke and waited again").isLessThan(10);

            s.alice.write(0, ByteBuffer.wrap(new byte[] {4, 5, 6}));
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    private static long waits(Thread t) {
        return THREADS.getThreadInfo(t.threadId()).getWaitedCount();
    }
}
