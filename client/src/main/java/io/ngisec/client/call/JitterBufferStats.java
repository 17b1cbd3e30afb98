package io.ngisec.client.call;

/**
 * A snapshot of a {@link JitterBuffer}. Delays in nanoseconds; counts since creation.
 *
 * @param targetDelayNanos the delay the buffer steers to: the configured percentile of the
 *     transit time above the fastest over the window, within the bounds
 * @param currentDelayNanos how late the head frame plays after the earliest it could have arrived
 *     (its media time plus the fastest recent transit time)
 * @param bufferedFrames frames waiting to be played
 * @param played frames handed out to decode
 * @param lost frames missing at their playout time ({@code fecRecovered + concealed})
 * @param fecRecovered lost frames handed out as FEC of the next packet (the decoder conceals if it carries none)
 * @param concealed lost frames handed out for packet loss concealment
 * @param late frames that arrived after their playout time, not played
 * @param duplicate frames that arrived a second time, not played again
 * @param reordered frames that arrived after a later frame, still in time
 * @param stretched 20 ms inserted to grow the delay
 * @param silenceDropped silent frames dropped to shrink the delay
 * @param overflowDropped speech frames dropped because the delay went past the upper bound (drift, bursts)
 * @param resyncs times the buffer started over on a sequence jump it cannot bridge
 */
public record JitterBufferStats(long targetDelayNanos, long currentDelayNanos, int bufferedFrames, long played,
        long lost, long fecRecovered, long concealed, long late, long duplicate, long reordered, long stretched,
        long silenceDropped, long overflowDropped, long resyncs) {
}
