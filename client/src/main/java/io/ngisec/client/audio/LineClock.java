package io.ngisec.client.audio;

import java.time.Duration;

/** Time for the device lines' bounded waits; tests substitute a simulated clock. */
interface LineClock {

    long nanoTime();

    void sleep(long nanos) throws InterruptedException;

    /** The system's monotonic clock and {@link Thread#sleep}. */
    LineClock SYSTEM = new LineClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    };
}
