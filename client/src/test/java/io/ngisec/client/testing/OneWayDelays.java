package io.ngisec.client.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One-way delay and loss of a call's frames from two media traces ({@code NGISEC_MEDIA_TRACE}):
 * the sender's {@code tx SEQ CAPTURED SENT} lines and the receiver's {@code rx SEQ ARRIVED} lines,
 * matched by sequence number. Both processes run on one host, so their {@code System.nanoTime}
 * is the same clock (CLOCK_MONOTONIC, namespaces included) and the difference is the delay from
 * the sender's send call to the receiver's parse: the network, both kernels and both sessions.
 * Frames sent in the first {@code skipStart} (the far side may not be listening yet) and the last
 * {@code skipEnd} (in flight when the call was hung up) are left out. Sequence numbers are 16
 * bits: a trace is matched within one call of under 21 minutes, where each number is sent once.
 */
public final class OneWayDelays {

    /** The result: frames considered, how many arrived, and each arrived frame's delay, sorted, in nanoseconds. */
    public record Result(int sent, int received, long[] sortedDelayNanos) {

        /** Fraction of the frames sent that never arrived. */
        public double loss() {
            return sent == 0 ? 0 : (double) (sent - received) / sent;
        }

        /** The {@code p}-th percentile (0..100, nearest rank) of the delays, in milliseconds; NaN without arrivals. */
        public double percentileMillis(double p) {
            if (sortedDelayNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * sortedDelayNanos.length);
            return sortedDelayNanos[Math.clamp(rank - 1, 0, sortedDelayNanos.length - 1)] / 1e6;
        }

        public double maxMillis() {
            return percentileMillis(100);
        }
    }

    private OneWayDelays() {
    }

    /** Reads both trace files; see {@link #of(List, List, Duration, Duration, long)}. */
    public static Result read(Path senderTrace, Path receiverTrace, Duration skipStart, Duration skipEnd,
            long notBeforeNanos) throws IOException {
        return of(Files.readAllLines(senderTrace, StandardCharsets.US_ASCII),
                Files.readAllLines(receiverTrace, StandardCharsets.US_ASCII), skipStart, skipEnd, notBeforeNanos);
    }

    /** As {@link #of(List, List, Duration, Duration, long)} with no absolute start. */
    public static Result of(List<String> senderLines, List<String> receiverLines, Duration skipStart, Duration skipEnd) {
        return of(senderLines, receiverLines, skipStart, skipEnd, Long.MIN_VALUE);
    }

    /**
     * Matches the sender's {@code tx} lines with the receiver's {@code rx} lines (other lines are
     * ignored), for the frames sent from {@code skipStart} after the first and {@code
     * notBeforeNanos} (a {@link System#nanoTime} of this host, such as when a load began) on, up
     * to {@code skipEnd} before the last.
     */
    public static Result of(List<String> senderLines, List<String> receiverLines, Duration skipStart, Duration skipEnd,
            long notBeforeNanos) {
        Map<Integer, Long> sent = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String line : senderLines) {
            String[] f = line.split(" ");
            if (f[0].equals("tx")) {
                long at = Long.parseLong(f[3]);
                sent.put(Integer.parseInt(f[1]), at);
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        }
        long from = Math.max(first + skipStart.toNanos(), notBeforeNanos);
        long to = last - skipEnd.toNanos();
        sent.values().removeIf(at -> at < from || at > to);
        Map<Integer, Long> arrived = new HashMap<>();
        for (String line : receiverLines) {
            String[] f = line.split(" ");
            if (f[0].equals("rx")) {
                // A duplicate counts once, at its first arrival.
                arrived.putIfAbsent(Integer.parseInt(f[1]), Long.parseLong(f[2]));
            }
        }
        long[] delays = new long[sent.size()];
        int n = 0;
        for (Map.Entry<Integer, Long> e : sent.entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at != null) {
                delays[n++] = at - e.getValue();
            }
        }
        long[] sorted = Arrays.copyOf(delays, n);
        Arrays.sort(sorted);
        return new Result(sent.size(), n, sorted);
    }
}
