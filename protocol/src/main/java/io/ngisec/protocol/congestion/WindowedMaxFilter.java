package io.ngisec.protocol.congestion;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The maximum of the samples taken over the last {@code window} ticks (round trips, for BBR's
 * bottleneck bandwidth). A monotonic queue: a sample evicts older samples it is not below, so the
 * head is always the maximum and each sample is added and removed once. Not thread-safe.
 */
public final class WindowedMaxFilter {

    private record Sample(long tick, double value) {
    }

    private final long window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** A filter that forgets samples older than {@code window} ticks. */
    public WindowedMaxFilter(long window) {
        if (window <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
    }

    /** Adds {@code value} taken at {@code tick}; ticks must not go back. */
    public void update(long tick, double value) {
        while (!samples.isEmpty() && samples.peekLast().value() <= value) {
            samples.pollLast();
        }
        samples.addLast(new Sample(tick, value));
        expire(tick);
    }

    /** The maximum over the window ending at the latest tick seen; 0 when empty. */
    public double max() {
        return samples.isEmpty() ? 0 : samples.peekFirst().value();
    }

    private void expire(long now) {
        while (!samples.isEmpty() && samples.peekFirst().tick() <= now - window) {
            samples.pollFirst();
        }
    }
}
