package io.ngisec.client.audio;

/** A growable FIFO of 16-bit samples, between a converter that makes them and frames that take them. Not thread safe. */
final class SampleQueue {

    private short[] samples = new short[4 * AudioFrame.SAMPLES];
    private int head;
    private int size;

    int size() {
        return size;
    }

    /** Adds a sample, rounded and clipped to 16 bits. */
    void add(double sample) {
        if (size == samples.length) {
            short[] larger = new short[samples.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = samples[(head + i) % samples.length];
            }
            samples = larger;
            head = 0;
        }
        long rounded = Math.round(sample);
        samples[(head + size) % samples.length] = (short) Math.clamp(rounded, Short.MIN_VALUE, Short.MAX_VALUE);
        size++;
    }

    /** Moves up to {@code out.length} samples into {@code out}; returns how many. */
    int take(short[] out) {
        int n = Math.min(size, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = samples[(head + i) % samples.length];
        }
        head = (head + n) % samples.length;
        size -= n;
        return n;
    }
}
