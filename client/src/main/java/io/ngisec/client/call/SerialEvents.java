package io.ngisec.client.call;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs listener calls one at a time in the order they were submitted, on a virtual thread that
 * exists only while there is work, so no link reader waits for a listener and no thread outlives
 * the events. Thread safe.
 */
final class SerialEvents {

    private static final System.Logger LOG = System.getLogger(SerialEvents.class.getName());

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Queues {@code task}; never blocks. */
    void submit(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("call-events").start(this::drain);
        }
    }

    private void drain() {
        do {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "call listener failed", e);
                }
            }
            draining.set(false);
            // A task queued after the poll above but before the flag dropped found it set: take it.
        } while (!tasks.isEmpty() && draining.compareAndSet(false, true));
    }
}
