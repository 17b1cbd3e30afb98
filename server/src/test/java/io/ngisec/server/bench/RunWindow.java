package io.ngisec.server.bench;

import java.time.Duration;

/** When a run measures: after a warm-up (JIT, TLS session setup) and until its end, on the System.nanoTime clock. Immutable. */
record RunWindow(long measureFromNanos, long endNanos) {

    /** A window starting {@code warmup} from now and lasting {@code duration} after that. */
    static RunWindow startingNow(Duration warmup, Duration duration) {
        long from = System.nanoTime() + warmup.toNanos();
        return new RunWindow(from, from + duration.toNanos());
    }

    /** A window that neither measures nor ends for a day: the state before the run starts. */
    static RunWindow pending() {
        long day = Duration.ofDays(1).toNanos();
        return new RunWindow(System.nanoTime() + day, System.nanoTime() + 2 * day);
    }

    /** Whether something that started at {@code nanos} counts. */
    boolean measures(long nanos) {
        return nanos - measureFromNanos >= 0 && nanos - endNanos < 0;
    }

    /** Whether the run is over at {@code nanos}. */
    boolean over(long nanos) {
        return nanos - endNanos >= 0;
    }
}
