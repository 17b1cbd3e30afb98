package io.ngisec.server.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared executor: requests
 * are answered in order and signals relayed in the order a device sent them, while API calls that
 * block never hold an event loop. Thread safe.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor shared;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialExecutor(Executor shared) {
        this.shared = shared;
    }

    /** Queues {@code task}; throws RejectedExecutionException if the shared executor is shut down. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                shared.execute(this::drain);
            } catch (RejectedExecutionException e) {
                tasks.clear();
                draining.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // Tasks handle their own failures; this one did not, the next ones still run.
                    log.error("a connection task failed", e);
                }
            }
        } finally {
            draining.set(false);
        }
        // A task queued after the last poll but before the flag dropped would otherwise wait forever.
        try {
            schedule();
        } catch (RejectedExecutionException e) {
            log.debug("dropped connection tasks at shutdown");
        }
    }
}
