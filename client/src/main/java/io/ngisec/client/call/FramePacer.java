package io.ngisec.client.call;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A 20 ms clock for the media threads whose audio end does not pace them (a WAV file, a generated
 * signal): each {@link #awaitNext} returns at the next multiple of the frame interval since the
 * start. After a short stall (a loaded machine, a JIT compilation) the missed ticks return at
 * once, so the frames catch up: the far side's jitter buffer absorbs that as a delay spike.
 * Skipping them instead would shift the sender's clock against its media timestamps for the rest
 * of the call, which the far buffer can only undo by dropping speech. Only after a long stall (a
 * paused VM, a starved process) does the clock skip ahead, and it says by how many ticks, so that
 * the talker can move its media timestamps on by as much (the far side then hears a gap, and its
 * buffer keeps its timing). Not thread safe: one media thread owns it.
 */
final class FramePacer {

    /** Behind by more than this many frames (1 s), the clock skips ahead to now. */
    static final int MAX_CATCH_UP_FRAMES = 50;

    private final LongSupplier clock;
    private final LongConsumer park;
    private long next;

    FramePacer(long startNanos, LongSupplier clock, LongConsumer park) {
        this.next = startNanos;
        this.clock = clock;
        this.park = park;
    }

    /** A clock whose first tick is now. */
    static FramePacer startingNow() {
        return new FramePacer(System.nanoTime(), System::nanoTime, LockSupport::parkNanos);
    }

    /**
     * Waits for the next tick (interruptible through the thread's interrupt flag); returns how
     * many ticks were skipped to get there: 0, unless the clock was more than
     * {@value #MAX_CATCH_UP_FRAMES} ticks behind.
     */
    int awaitNext() {
        long now = clock.getAsLong();
        int skipped = 0;
        if (now - next > MAX_CATCH_UP_FRAMES * MediaFormat.FRAME_NANOS) {
            skipped = (int) ((now - next) / MediaFormat.FRAME_NANOS);
            next += skipped * MediaFormat.FRAME_NANOS;
        }
        while ((now = clock.getAsLong()) < next && !Thread.currentThread().isInterrupted()) {
            park.accept(next - now);
        }
        next += MediaFormat.FRAME_NANOS;
        return skipped;
    }
}
