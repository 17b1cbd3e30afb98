package io.ngisec.client.testing;

import io.ngisec.client.server.SignalingEvent;
import io.ngisec.client.server.SignalingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A signaling listener for tests: records every event and waits for the next one of a kind. */
public final class SignalingEvents implements SignalingListener {

    /** How long a test waits for an event before it fails. */
    public static final long WAIT_SECONDS = 20;

    private final BlockingQueue<SignalingEvent> queue = new LinkedBlockingQueue<>();
    private final List<SignalingEvent> all = new ArrayList<>();

    @Override
    public void onEvent(SignalingEvent event) {
        synchronized (all) {
            all.add(event);
        }
        queue.add(event);
    }

    /** Every event so far, in order. */
    public List<SignalingEvent> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** The next event of {@code type}, skipping others; throws AssertionError if none comes in time. */
    public <T extends SignalingEvent> T next(Class<T> type) throws InterruptedException {
        return next(type, e -> true);
    }

    /** The next event of {@code type} that {@code matches}, skipping others. */
    public <T extends SignalingEvent> T next(Class<T> type, Predicate<? super T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            SignalingEvent event = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s; events: " + all());
            }
            if (type.isInstance(event) && matches.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }
}
