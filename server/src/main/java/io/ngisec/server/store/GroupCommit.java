package io.ngisec.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes items that many threads submit at once in shared transactions: each caller returns only
 * once its item is committed (or with the failure of the batch that carried it), but concurrent
 * callers pay for one commit between them rather than one each. The first caller to find no
 * write in progress becomes the writer for everything queued so far; the others wait for it. A
 * lone caller writes at once, so nothing is delayed to wait for company. Thread safe.
 */
final class GroupCommit<T> {

    /** Writes one batch in one transaction: all of it is kept, or none. */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(List<T> batch) throws StoreException;
    }

    private final BatchWriter<T> writer;
    private final int maxBatch;
    private final Object lock = new Object();
    private List<Pending<T>> queue = new ArrayList<>();
    private boolean writing;

    GroupCommit(BatchWriter<T> writer, int maxBatch) {
        this.writer = Objects.requireNonNull(writer, "writer");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.maxBatch = maxBatch;
    }

    /** Writes {@code item}, sharing a transaction with whatever others submit meanwhile. */
    void submit(T item) throws StoreException {
        Pending<T> mine = new Pending<>(Objects.requireNonNull(item, "item"));
        synchronized (lock) {
            queue.add(mine);
        }
        while (true) {
            List<Pending<T>> batch;
            synchronized (lock) {
                while (!mine.done && writing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // The item may still be written by the current writer; wait for the outcome.
                        Thread.currentThread().interrupt();
                    }
                }
                if (mine.done) {
                    break;
                }
                writing = true;
                batch = take();
            }
            StoreException failure = null;
            try {
                writer.write(batch.stream().map(p -> p.item).toList());
            } catch (StoreException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new StoreException(StoreException.Reason.FAILED, "store: a batched write failed", e);
            }
            synchronized (lock) {
                for (Pending<T> p : batch) {
                    p.failure = failure;
                    p.done = true;
                }
                writing = false;
                lock.notifyAll();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many items wait for a writer (for tests). */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private List<Pending<T>> take() {
        if (queue.size() <= maxBatch) {
            List<Pending<T>> all = queue;
            queue = new ArrayList<>();
            return all;
        }
        List<Pending<T>> head = new ArrayList<>(queue.subList(0, maxBatch));
        queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
        return head;
    }

    private static final class Pending<T> {
        final T item;
        boolean done;             // guarded by the lock
        StoreException failure;   // guarded by the lock

        Pending(T item) {
            this.item = item;
        }
    }
}
