package io.ngisec.client.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drives a {@link JitterBuffer} in simulated time: frames from a sender whose clock may drift,
 * each with the network transit the test chooses (or none: lost), and a player that calls
 * {@code next} every 20 ms of the receiver's clock. Deterministic; no real time.
 */
final class PlayoutSimulation {

    static final long MS = 1_000_000L;
    /** Sequence and timestamp start just before their wrap, so every simulation crosses it. */
    static final int FIRST_SEQUENCE = 65_500;
    static final long FIRST_TIMESTAMP = MediaTimestamps.MODULUS - 960L * 20;

    /** How the test shapes frame {@code n} (0-based). */
    interface Network {
        /** Transit in nanoseconds of one copy, or a negative value for a lost frame. */
        long transitNanos(int n);

        /** Extra copies of frame n, as their transits. */
        default long[] duplicateTransits(int n) {
            return new long[0];
        }
    }

    /** One tick's decision and the buffer's delays right after it. */
    record Tick(long nowNanos, Playout playout, JitterBufferStats stats) {
    }

    private record Delivery(long arrivalNanos, MediaFrame frame) {
    }

    private final JitterBuffer buffer;
    final List<Tick> ticks = new ArrayList<>();
    final List<JitterBuffer.Arrival> arrivals = new ArrayList<>();

    PlayoutSimulation(JitterBuffer buffer) {
        this.buffer = buffer;
    }

    static MediaFrame frame(long n, boolean silent) {
        int sequence = (int) ((FIRST_SEQUENCE + n) % SequenceNumbers.MODULUS);
        long timestamp = (FIRST_TIMESTAMP + n * VoiceFormat.FRAME_SAMPLES) % MediaTimestamps.MODULUS;
        // Speech packets of 40 bytes (16 kbit/s), silence of one byte and flagged, as a DTX sender would.
        byte[] payload = silent ? new byte[] {(byte) n} : filled(40, (byte) n);
        return new MediaFrame(sequence, timestamp, silent, payload);
    }

    /** Frame n's index back from a played frame. */
    static long indexOf(MediaFrame frame) {
        return Math.floorMod(frame.sequence() - FIRST_SEQUENCE, SequenceNumbers.MODULUS);
    }

    /**
     * Sends {@code frames} frames, frame n at {@code n * 20 ms / (1 + drift)} of the receiver's
     * clock (drift 0.005: the sender's clock runs 0.5% fast), silent where {@code silent} says, and
     * ticks the player from {@code 7 ms} until {@code tailMs} after the last send or until all is played.
     */
    PlayoutSimulation run(int frames, double drift, java.util.function.IntPredicate silent, Network network, long tailMs) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int n = 0; n < frames; n++) {
            long sent = Math.round(n * MediaFormat.FRAME_NANOS / (1 + drift));
            MediaFrame f = frame(n, silent.test(n));
            long transit = network.transitNanos(n);
            if (transit >= 0) {
                deliveries.add(new Delivery(sent + transit, f));
            }
            for (long copy : network.duplicateTransits(n)) {
                deliveries.add(new Delivery(sent + copy, f));
            }
        }
        deliveries.sort(Comparator.comparingLong(Delivery::arrivalNanos));
        long end = Math.round(frames * MediaFormat.FRAME_NANOS / (1 + drift)) + tailMs * MS;
        int d = 0;
        // The player's ticks have their own phase against the sender's frames.
        // Stops once the stream is over and the buffer empty, so the end is not counted as loss.
        for (long now = 7 * MS; now < end && !(d == deliveries.size() && buffer.stats().bufferedFrames() == 0
                && !ticks.isEmpty()); now += MediaFormat.FRAME_NANOS) {
            while (d < deliveries.size() && deliveries.get(d).arrivalNanos() <= now) {
                arrivals.add(buffer.offer(deliveries.get(d).frame(), deliveries.get(d).arrivalNanos()));
                d++;
            }
            Playout p = buffer.next(now);
            ticks.add(new Tick(now, p, buffer.stats()));
        }
        return this;
    }

    JitterBufferStats stats() {
        return buffer.stats();
    }

    /** Frame indexes in the order they were handed out to play (Play only). */
    List<Long> playedIndexes() {
        List<Long> out = new ArrayList<>();
        for (Tick t : ticks) {
            if (t.playout() instanceof Playout.Play(MediaFrame f)) {
                out.add(indexOf(f));
            }
        }
        return out;
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, value);
        return b;
    }
}
