package io.ngisec.client.call;

/**
 * Interarrival jitter of received frames, the RFC 3550 (section 6.4.1) estimator: the mean
 * deviation of the difference in transit time between consecutive frames, smoothed by 1/16.
 * Media timestamps wrap at 2^32; consecutive frames are never that far apart. One thread uses it.
 */
final class ArrivalJitter {

    private boolean first = true;
    private long lastTimestamp;
    private long lastArrivalNanos;
    private double jitterNanos;

    /** Records frame {@code timestamp} (48 kHz samples) arriving at {@code arrivalNanos}. */
    void arrived(long timestamp, long arrivalNanos) {
        if (!first) {
            long mediaStep = (int) (timestamp - lastTimestamp); // signed difference across the wrap
            long transitDelta = (arrivalNanos - lastArrivalNanos) - MediaFormat.samplesToNanos(mediaStep);
            jitterNanos += (Math.abs(transitDelta) - jitterNanos) / 16;
        }
        first = false;
        lastTimestamp = timestamp;
        lastArrivalNanos = arrivalNanos;
    }

    /** The estimate, in milliseconds. */
    double millis() {
        return jitterNanos / 1e6;
    }
}
