package io.ngisec.client.transfer;

import io.ngisec.client.link.PeerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One transfer on this peer, sending or receiving, while its link lives: what is offered, its
 * state and reason, byte counters, and the user's controls. Once a state that {@link
 * TransferState#ended()} is reached it no longer changes (a resume is a new transfer).
 *
 * <p>Thread safe.
 */
public final class Transfer {

    /** What pause, resume and cancel do on this side. */
    interface Controls {
        void pause();

        void resume();

        void cancel(String reason);
    }

    /** Persists and announces a state change. */
    interface Recorder {
        void stateChanged(Transfer transfer, TransferState state, String reason);
    }

    private final TransferId id;
    private final Direction direction;
    private final PeerInfo peer;
    private final List<TransferEntry> entries;
    private final long totalBytes;
    private final Recorder recorder;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Map<Integer, Path> saved = new ConcurrentHashMap<>();
    private final Object recordLock = new Object();
    private volatile Controls controls;
    private TransferState state;
    private TransferState announced;
    private String reason;

    Transfer(TransferId id, Direction direction, PeerInfo peer, List<TransferEntry> entries, TransferState initial, String reason,
            Recorder recorder) {
        this.id = id;
        this.direction = direction;
        this.peer = peer;
        this.entries = List.copyOf(entries);
        this.totalBytes = entries.stream().mapToLong(TransferEntry::size).sum();
        this.state = initial;
        this.announced = initial;
        this.reason = reason;
        this.recorder = recorder;
    }

    public TransferId id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    /** The other device. */
    public PeerInfo peer() {
        return peer;
    }

    public List<TransferEntry> entries() {
        return entries;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public synchronized TransferState state() {
        return state;
    }

    /** The one-line reason of the current state. */
    public synchronized String reason() {
        return reason;
    }

    /** Chunk payload bytes this side wrote to the data stream for this transfer (outgoing). */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Chunk payload bytes this side read from the data stream for this transfer, good or bad (incoming). */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Where entry {@code index} was saved under its final name (incoming, once complete). */
    public Optional<Path> savedAs(int index) {
        return Optional.ofNullable(saved.get(index));
    }

    /** Stops chunks for now (and tells the peer); no-op once ended. */
    public void pause() {
        controls().pause();
    }

    /** Lets chunks flow again after a pause by either side. */
    public void resume() {
        controls().resume();
    }

    /** Gives up the transfer on both sides; the receiver deletes its part files. */
    public void cancel(String why) {
        controls().cancel(Hex.oneLine(why));
    }

    /** Waits until the transfer has ended (recorded and announced); returns the state then, or the last announced on timeout. */
    public synchronized TransferState awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!announced.ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return announced;
    }

    /** Waits until the transfer is in {@code wanted} or has ended; returns the state then. */
    public synchronized TransferState awaitState(TransferState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (announced != wanted && !announced.ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return announced;
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase(java.util.Locale.ROOT) + " transfer " + id + " (" + state() + ")";
    }

    void controls(Controls c) {
        this.controls = c;
    }

    private Controls controls() {
        Controls c = controls;
        if (c == null) {
            throw new IllegalStateException("transfer not started");
        }
        return c;
    }

    /** Moves to {@code next} unless already ended or there; true when it moved. */
    boolean moveTo(TransferState next, String why) {
        return moveFrom(null, next, why);
    }

    /** Moves to {@code next} only from {@code from} (any state when null); true when it moved. */
    boolean moveFrom(TransferState from, TransferState next, String why) {
        String line = Hex.oneLine(why);
        // One change recorded at a time, in order, so the database ends with the last state.
        synchronized (recordLock) {
            synchronized (this) {
                if (state.ended() || state == next || from != null && state != from) {
                    return false;
                }
                state = next;
                reason = line;
            }
            recorder.stateChanged(this, next, line);
            // Waiters wake only once the change is in the database and the listener has heard it.
            synchronized (this) {
                announced = next;
                notifyAll();
            }
            return true;
        }
    }

    void countSent(long bytes) {
        bytesSent.addAndGet(bytes);
    }

    void countReceived(long bytes) {
        bytesReceived.addAndGet(bytes);
    }

    void saved(int index, Path path) {
        saved.put(index, path);
    }
}
