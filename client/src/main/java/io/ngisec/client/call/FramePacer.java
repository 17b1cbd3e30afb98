package io.ngisec.client.call;

import java.util.concurrent.locks.LockSupport;

/**
 * A 20 ms clock for the media threads whose audio end does not pace them (a WAV file, a generated
 * signal): each {@link #awaitNext} returns at the next multiple of the frame interval since the
 * start. After a short stall (a loaded machine, a JIT compilation) the missed ticks return at
 * once, so the frames catch up: the far side's jitter buffer absorbs that as a delay spike.
 * Skipping them instead would shift the sender's clock against its media timestamps for the rest
 * of the call, which the far buffer can only undo by dropping speech. Only after a long stall (a
 * paused VM) does the clock start over.
 */
final class FramePacer {

    /** Behind by more than this many frames (1 s), the clock starts over from now. */
    private static final int MAX_CATCH_UP_FRAMES = 50;

    private long next;

    private FramePacer(long startNanos) {
        this.next = startNanos;
    }

    /** A clock whose first tick is now. */
    static FramePacer startingNow() {
        return new FramePacer(System.nanoTime());
    }

    /** Waits for the next tick and returns its time; interruptible through the thread's interrupt flag. */
    long awaitNext() {
        long now = System.nanoTime();
        if (now - next > MAX_CATCH_UP_FRAMES * MediaFormat.FRAME_NANOS) {
            next = now;
        }
        while ((now = System.nanoTime()) < next && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(next - now);
        }
        long tick = next;
        next += MediaFormat.FRAME_NANOS;
        return tick;
    }
}
