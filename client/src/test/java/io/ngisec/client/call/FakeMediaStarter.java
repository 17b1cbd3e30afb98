package io.ngisec.client.call;

import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.PeerLink;
import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A media starter that records what call control does with media, and can fail as a missing device would. */
final class FakeMediaStarter implements MediaStarter {

    static final CallStats STATS = new CallStats("opus 48 kHz mono", 32_000, true, 20, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0,
            93.2, 4.4, "memory", QosClass.VOICE, 46, false, 0, -96, false);

    final List<FakeMedia> started = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    private volatile String failure;

    /** From now on, {@link #start} throws an IOException with {@code message}. */
    void failWith(String message) {
        failure = message;
    }

    @Override
    public CallMedia start(PeerLink link, String callId) throws IOException {
        attempts.incrementAndGet();
        String message = failure;
        if (message != null) {
            throw new IOException(message);
        }
        FakeMedia media = new FakeMedia(callId);
        started.add(media);
        return media;
    }

    /** Every media started was closed exactly once (waiting for late closes). */
    boolean allClosedOnce(Duration timeout) throws InterruptedException {
        for (FakeMedia media : started) {
            if (!media.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || media.closes.get() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Media that does nothing but count. */
    static final class FakeMedia implements CallMedia {

        final String callId;
        final AtomicInteger closes = new AtomicInteger();
        final CountDownLatch closed = new CountDownLatch(1);
        final BlockingQueue<ControlMessage> controls = new LinkedBlockingQueue<>();

        FakeMedia(String callId) {
            this.callId = callId;
        }

        @Override
        public void onControl(ControlMessage message) {
            controls.add(message);
        }

        @Override
        public CallStats stats() {
            return STATS;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            closed.countDown();
        }
    }
}
