package io.ngisec.protocol.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard that keeps a socket's descriptors open until the last call inside has left. */
class UseGuardTest {

    private final AtomicInteger releases = new AtomicInteger();
    private final UseGuard guard = new UseGuard(releases::incrementAndGet);

    @Test
    void closingAnIdleGuardReleasesOnTheClosingThread() {
        assertThat(guard.closeAndEnter()).isTrue();
        assertThat(releases).hasValue(0);
        guard.exit();
        assertThat(releases).hasValue(1);
        assertThat(guard.closeAndEnter()).as("second close").isFalse();
        assertThat(releases).hasValue(1);
    }

    @Test
    void theLastCallToLeaveReleases() throws ClosedChannelException {
        guard.enter();
        guard.enter();
        assertThat(guard.closeAndEnter()).isTrue();
        guard.exit(); // the closer
        assertThat(releases).hasValue(0);
        assertThatThrownBy(guard::enter).isInstanceOf(ClosedChannelException.class);
        assertThat(guard.tryEnter()).isFalse();
        guard.exit();
        assertThat(releases).hasValue(0);
        guard.exit();
        assertThat(releases).hasValue(1);
    }

    @Test
    void releasesExactlyOnceUnderConcurrentUse() throws Exception {
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger insideAfterRelease = new AtomicInteger();
        Thread[] users = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            users[t] = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (guard.tryEnter()) {
                    if (releases.get() != 0) {
                        insideAfterRelease.incrementAndGet();
                    }
                    guard.exit();
                }
            });
        }
        start.countDown();
        Thread.sleep(5);
        if (guard.closeAndEnter()) {
            guard.exit();
        }
        for (Thread u : users) {
            u.join();
        }
        assertThat(releases).hasValue(1);
        assertThat(insideAfterRelease).as("calls that found the guard released while inside").hasValue(0);
    }
}
