package io.ngisec.protocol.transport.udp;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls inside a native socket so that its file descriptors are released only after
 * the last call has left: releasing a descriptor while another thread may still pass its number
 * to the kernel would hit whatever file reuses the number. Once closed, no call enters; the
 * release runs exactly once, on the thread that leaves last (or on the closing thread). Thread
 * safe and lock-free.
 */
final class UseGuard {

    private static final int CLOSED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final Runnable release;

    UseGuard(Runnable release) {
        this.release = release;
    }

    /** Enters, or throws ClosedChannelException once closed. Pair with {@link #exit()}. */
    void enter() throws ClosedChannelException {
        if (!tryEnter()) {
            throw new ClosedChannelException();
        }
    }

    /** Enters unless closed; true if entered (then pair with {@link #exit()}). */
    boolean tryEnter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Leaves; the last call to leave a closed guard releases. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            release.run();
        }
    }

    /**
     * Closes and enters in one step, so the caller may still use the descriptors (to wake the
     * calls inside) until its {@link #exit()}; false, without entering, if already closed.
     */
    boolean closeAndEnter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, (s | CLOSED) + 1)) {
                return true;
            }
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }
}
