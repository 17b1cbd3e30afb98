package io.ngisec.client.call;

import java.util.Arrays;
import java.util.Objects;

/**
 * Adaptive playout buffer for one incoming voice stream of 20 ms {@link MediaFrame}s.
 *
 * <p>The network calls {@link #offer} for each frame as it arrives; the player calls {@link #next}
 * every 20 ms of its own clock and does what the returned {@link Playout} says. Frames play in
 * sequence order; duplicates and frames that come after their playout time are counted and dropped.
 * A missing frame becomes {@link Playout.DecodeFec} when the frame after it is here (Opus in-band
 * FEC), else {@link Playout.Conceal}.
 *
 * <p>Delay: each frame's transit time (arrival minus media time, RFC 3550 section 6.4.1) is
 * measured against a baseline, the fastest transit, which follows a drifting sender clock; the
 * <em>target delay</em> is the configured percentile of these relative delays over a window of
 * recent frames, within the configured bounds. The <em>current delay</em> is how long after its
 * earliest possible arrival (media time plus the baseline) the head frame plays. The buffer steers
 * the current delay into [target, target + 20 ms): below target minus 5 ms it
 * inserts a {@link Playout.Stretch}; from target plus 25 ms it drops a frame, but only a silent one
 * (flagged, or a tiny Opus packet) so speech is not cut, unless the delay passes the upper bound
 * plus a frame, which only a drifting sender clock in unbroken speech or a burst can cause. A
 * sender clock running fast or slow thus costs a drop or a stretch every few seconds instead of
 * a growing or draining buffer.
 *
 * <p>While the newest frame says it carries FEC, the target is one frame longer, so that the frame
 * after a lost one is usually here in time to rebuild it.
 *
 * <p>The first frame plays once it has waited out the target delay. A sequence jump further than
 * the buffer can hold (a restarted sender) starts the buffer over, keeping the counts.
 *
 * <p>Time is passed in, in nanoseconds of one monotonic clock (e.g. {@link System#nanoTime}); the
 * buffer starts no threads and is <strong>not thread safe</strong>: the caller serializes
 * {@code offer}, {@code next} and {@code stats}, e.g. on the player's thread behind a lock or queue.
 */
public final class JitterBuffer {

    /** What happened to an offered frame. */
    public enum Arrival {
        /** Waiting to be played. */
        BUFFERED,
        /** Already received; dropped. */
        DUPLICATE,
        /** Its playout time has passed; dropped. */
        LATE
    }

    // Hysteresis around the [target, target + frame) band, so that a few milliseconds of player
    // or window noise do not turn into alternating stretches and drops.
    private static final long GROW_MARGIN_NANOS = MediaFormat.FRAME_NANOS / 4;
    private static final long SHRINK_MARGIN_NANOS = MediaFormat.FRAME_NANOS / 4;
    // A lone stray frame far behind is only late; several in a row mean the sender started over.
    private static final int FAR_BEHIND_RESYNC = 3;
    // How fast the fastest-transit baseline may creep up, as a share of media time: above any real
    // sender clock drift (crystals are off by 0.01%, this must follow 0.5%), low enough that one
    // slow frame among fast ones barely moves it.
    private static final double BASELINE_CREEP = 0.01;

    private final JitterBufferConfig config;
    private final long minDelayNanos;
    private final long maxDelayNanos;
    private final int capacity;
    private final MediaFrame[] slots;
    private final long[] slotSeq;
    private final long[] slotTs;
    private final long[] seen;
    private final DelayWindow delays;

    private boolean receiving;
    private boolean started;
    private long originTs;
    private long highestSeq;
    private long highestTs;
    private long head;
    private long headTs;
    private int buffered;
    private boolean lastSilent;
    private boolean senderUsesFec;
    private int farBehind;
    private long baselineTransit;
    private long baselineTs;
    private long targetNanos;
    private long currentDelayNanos;

    private long played;
    private long fecRecovered;
    private long concealed;
    private long late;
    private long duplicate;
    private long reordered;
    private long stretched;
    private long silenceDropped;
    private long overflowDropped;
    private long resyncs;

    /** An empty buffer; its first {@link #next} calls return silence. */
    public JitterBuffer(JitterBufferConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.minDelayNanos = config.minDelay().toNanos();
        this.maxDelayNanos = config.maxDelay().toNanos();
        long maxFrames = Math.ceilDiv(maxDelayNanos, MediaFormat.FRAME_NANOS);
        // Room for the upper bound twice over plus reordering; more would only hold frames that will be late.
        this.capacity = (int) Math.max(64, 2 * maxFrames + 16);
        this.slots = new MediaFrame[capacity];
        this.slotSeq = new long[capacity];
        this.slotTs = new long[capacity];
        this.seen = new long[2 * capacity];
        this.delays = new DelayWindow(config.windowFrames());
        this.targetNanos = minDelayNanos;
        reset();
    }

    /** A buffer with {@link JitterBufferConfig#defaults()}. */
    public JitterBuffer() {
        this(JitterBufferConfig.defaults());
    }

    /** Takes a frame that arrived at {@code arrivalNanos}. */
    public Arrival offer(MediaFrame frame, long arrivalNanos) {
        Objects.requireNonNull(frame, "frame");
        if (!receiving) {
            begin(frame);
        }
        long seq = SequenceNumbers.unwrap(highestSeq, frame.sequence());
        long ts = MediaTimestamps.unwrap(highestTs, frame.timestamp());
        if (seen[ring(seq, seen.length)] == seq) {
            duplicate++;
            return Arrival.DUPLICATE;
        }
        if (seq < head) {
            if (!started && highestSeq - seq < capacity) {
                // Before playout starts, an earlier frame moves the start back.
                head = seq;
                headTs = ts;
            } else {
                late++;
                if (head - seq > capacity && ++farBehind >= FAR_BEHIND_RESYNC) {
                    return resync(frame, arrivalNanos);
                }
                seen[ring(seq, seen.length)] = seq;
                measure(ts, arrivalNanos);
                return Arrival.LATE;
            }
        }
        farBehind = 0;
        if (seq - head >= capacity) {
            return resync(frame, arrivalNanos);
        }
        if (seq < highestSeq) {
            reordered++;
        } else {
            highestSeq = seq;
            highestTs = ts;
            senderUsesFec = frame.fec();
        }
        seen[ring(seq, seen.length)] = seq;
        measure(ts, arrivalNanos);
        int i = ring(seq, capacity);
        slots[i] = frame;
        slotSeq[i] = seq;
        slotTs[i] = ts;
        buffered++;
        return Arrival.BUFFERED;
    }

    /** What to play for the 20 ms starting at {@code nowNanos}; call once per 20 ms of the player's clock. */
    public Playout next(long nowNanos) {
        // While the sender carries FEC, one frame more: a lost frame can only be rebuilt if the
        // frame after it is here by the lost one's playout time, 20 ms later than it would be needed.
        long fecReserve = senderUsesFec ? MediaFormat.FRAME_NANOS : 0;
        targetNanos = Math.clamp(delays.percentile(config.percentile()) + fecReserve, minDelayNanos, maxDelayNanos);
        if (!receiving) {
            return new Playout.Silence();
        }
        MediaFrame frame = frameAt(head);
        long delay = delayOf(frame != null ? slotTs[ring(head, capacity)] : headTs, nowNanos);
        currentDelayNanos = delay;
        if (!started) {
            if (frame == null || delay < targetNanos) {
                return new Playout.Silence();
            }
            started = true;
        } else if (delay < targetNanos - GROW_MARGIN_NANOS) {
            stretched++;
            return new Playout.Stretch(lastSilent);
        }
        if (frame == null) {
            long lost = head;
            advance(headTs);
            MediaFrame following = frameAt(head);
            if (following != null) {
                fecRecovered++;
                return new Playout.DecodeFec(lost, following);
            }
            concealed++;
            return new Playout.Conceal(lost);
        }
        MediaFrame following = frameAt(head + 1);
        if (following != null && delay >= targetNanos + MediaFormat.FRAME_NANOS + SHRINK_MARGIN_NANOS) {
            boolean silent = isSilent(frame);
            if (silent || delay >= maxDelayNanos + MediaFormat.FRAME_NANOS + SHRINK_MARGIN_NANOS) {
                if (silent) {
                    silenceDropped++;
                } else {
                    overflowDropped++;
                }
                take(head);
                frame = following;
                currentDelayNanos = delayOf(slotTs[ring(head, capacity)], nowNanos);
            }
        }
        take(head);
        played++;
        lastSilent = isSilent(frame);
        return new Playout.Play(frame);
    }

    /** The delays and counts so far. */
    public JitterBufferStats stats() {
        long lost = fecRecovered + concealed;
        return new JitterBufferStats(targetNanos, currentDelayNanos, buffered, played, lost, fecRecovered, concealed,
                late, duplicate, reordered, stretched, silenceDropped, overflowDropped, resyncs);
    }

    private boolean isSilent(MediaFrame frame) {
        return frame.silence() || frame.payloadLength() <= config.silencePayloadBytes();
    }

    /**
     * Records the frame's delay above the baseline, the fastest transit seen, which creeps up by at
     * most {@link #BASELINE_CREEP} of the media time since the last frame. A plain minimum over the
     * window would lag a slower sender clock by the drift of a whole window, so the newest frames,
     * the ones still to be played, would all sit at the top of the distribution and play late.
     */
    private void measure(long ts, long arrivalNanos) {
        long transit = arrivalNanos - MediaFormat.samplesToNanos(ts - originTs);
        if (delays.isEmpty()) {
            baselineTransit = transit;
            baselineTs = ts;
        } else if (ts > baselineTs) {
            baselineTransit += (long) (MediaFormat.samplesToNanos(ts - baselineTs) * BASELINE_CREEP);
            baselineTs = ts;
        }
        baselineTransit = Math.min(baselineTransit, transit);
        delays.add(transit - baselineTransit);
    }

    private long delayOf(long ts, long nowNanos) {
        return nowNanos - (MediaFormat.samplesToNanos(ts - originTs) + baselineTransit);
    }

    private MediaFrame frameAt(long seq) {
        int i = ring(seq, capacity);
        return slots[i] != null && slotSeq[i] == seq ? slots[i] : null;
    }

    /** Removes the head frame (present) and moves the head past it. */
    private void take(long seq) {
        int i = ring(seq, capacity);
        long ts = slotTs[i];
        slots[i] = null;
        buffered--;
        advance(ts);
    }

    private void advance(long tsOfHead) {
        head++;
        headTs = tsOfHead + VoiceFormat.FRAME_SAMPLES;
    }

    private void begin(MediaFrame frame) {
        receiving = true;
        originTs = frame.timestamp();
        highestSeq = frame.sequence();
        highestTs = frame.timestamp();
        head = highestSeq;
        headTs = highestTs;
    }

    private Arrival resync(MediaFrame frame, long arrivalNanos) {
        resyncs++;
        reset();
        return offer(frame, arrivalNanos);
    }

    private void reset() {
        Arrays.fill(slots, null);
        Arrays.fill(seen, Long.MIN_VALUE);
        delays.clear();
        receiving = false;
        started = false;
        buffered = 0;
        farBehind = 0;
    }

    private static int ring(long seq, int size) {
        return (int) Math.floorMod(seq, (long) size);
    }
}
