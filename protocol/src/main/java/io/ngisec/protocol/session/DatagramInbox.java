package io.ngisec.protocol.session;

import io.ngisec.protocol.transport.DatagramPath;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving side of a {@link DatagramPath} as a bounded queue, so one thread can wait for
 * "a datagram or a deadline, whichever is first": the handshake first, then the session's driver
 * (a path can be received from only once, so both share this inbox).
 *
 * <p>Thread safe. Datagrams are copied on the path's receive thread; when the queue is full the
 * newest is dropped and counted, as a socket buffer would. {@link #wake()} lets another thread end
 * a wait early without a datagram.
 */
public final class DatagramInbox {

    /** Enough for a few round trips of full-size packets at loopback rates. */
    public static final int DEFAULT_CAPACITY = 8192;

    private static final byte[] WAKE = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicLong overflowDrops = new AtomicLong();
    private volatile DatagramPath.Receiver direct;

    private DatagramInbox(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the wake marker
    }

    /** Starts receiving from {@code path} (see {@link DatagramPath#receive}: once per path). */
    public static DatagramInbox of(DatagramPath path, int capacity) {
        DatagramInbox inbox = new DatagramInbox(capacity);
        path.receive(new DatagramPath.Receiver() {
            @Override
            public void onDatagram(ByteBuffer datagram) {
                inbox.offer(datagram);
            }

            @Override
            public void onBatchEnd() {
                DatagramPath.Receiver d = inbox.direct;
                if (d != null) {
                    d.onBatchEnd();
                }
            }
        });
        return inbox;
    }

    /**
     * From now on hands each datagram to {@code receiver} on the path's receive thread, without a
     * copy or a queue, instead of queuing it; what is queued already stays for {@link #poll}. For
     * the session's driver, once the handshake no longer waits on the queue.
     */
    public void divert(DatagramPath.Receiver receiver) {
        direct = receiver;
    }

    public static DatagramInbox of(DatagramPath path) {
        return of(path, DEFAULT_CAPACITY);
    }

    /** An inbox fed by the caller through {@link #offer}: for tests. */
    static DatagramInbox unattached(int capacity) {
        return new DatagramInbox(capacity);
    }

    void offer(ByteBuffer datagram) {
        DatagramPath.Receiver d = direct;
        if (d != null) {
            d.onDatagram(datagram);
            return;
        }
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        // Keep the last slot for the wake marker so a full queue can still be woken.
        if (queue.remainingCapacity() <= 1 || !queue.offer(copy)) {
            overflowDrops.incrementAndGet();
        }
    }

    /**
     * The next datagram, waiting up to {@code timeoutNanos} (0: do not wait); null on timeout or
     * when woken. Interrupts are passed on as {@link InterruptedException}.
     */
    public byte[] poll(long timeoutNanos) throws InterruptedException {
        byte[] d = timeoutNanos <= 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (d == WAKE) {
            wakePending.set(false);
            return null;
        }
        return d;
    }

    /** Ends the current or next {@link #poll} early; wakes pile up into one. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            queue.offer(WAKE);
        }
    }

    /** Datagrams dropped because the queue was full. */
    public long overflowDrops() {
        return overflowDrops.get();
    }
}
