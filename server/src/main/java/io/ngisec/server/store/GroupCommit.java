package io.ngisec.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes items that many threads submit at once in shared transactions: each caller returns only
 * once its item is committed (or with the failure of the batch that carried it), but callers that
 * arrive while a commit is under way share the next one. One writer thread does all commits, so
 * request threads (virtual threads, a carrier per core) park while they wait and keep serving, and
 * batches grow with the load; a lone item is written as soon as the writer sees it. Thread safe.
 */
final class GroupCommit<T> implements AutoCloseable {

    /** Writes one batch in one transaction: all of it is kept, or none. */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(List<T> batch) throws StoreException;
    }

    private final BatchWriter<T> writer;
    private final int maxBatch;
    private final String name;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private Thread thread;          // guarded by this; started on first use
    private boolean closed;         // guarded by this

    GroupCommit(BatchWriter<T> writer, int maxBatch, String name) {
        this.writer = Objects.requireNonNull(writer, "writer");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.maxBatch = maxBatch;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Writes {@code item}, sharing a transaction with whatever others submit meanwhile. */
    void submit(T item) throws StoreException {
        Pending<T> mine = new Pending<>(Objects.requireNonNull(item, "item"));
        synchronized (this) {
            if (closed) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "store: closed", null);
            }
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name(name).start(this::run);
            }
            queue.add(mine);
        }
        try {
            // Uninterruptible: once queued the item may be written, and the caller must learn whether it was.
            mine.outcome.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException s ? s
                    : new StoreException(StoreException.Reason.FAILED, "store: a batched write failed", e.getCause());
        }
    }

    /** How many items wait for the writer (for tests). */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return; // closed: close() failed what was left
            }
            if (batch.getFirst().item == null) {
                return; // the end marker close() queues after everything submitted before it
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.getLast().item == null;
            if (stop) {
                batch.removeLast();
            }
            write(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void write(List<Pending<T>> batch) {
        try {
            writer.write(batch.stream().map(p -> p.item).toList());
            batch.forEach(p -> p.outcome.complete(null));
        } catch (StoreException | RuntimeException e) {
            batch.forEach(p -> p.outcome.completeExceptionally(e));
        }
    }

    /** Writes what was submitted so far, then stops; later submits fail with UNAVAILABLE. Idempotent. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            if (running != null) {
                queue.add(new Pending<>(null));
            }
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Pending<T> {
        final T item;     // null: the end marker
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Pending(T item) {
            this.item = item;
        }
    }
}
