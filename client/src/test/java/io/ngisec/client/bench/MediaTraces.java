package io.ngisec.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A peer's {@code NGISEC_MEDIA_TRACE} file (lines {@code tx SEQ CAPTURED SENT}, {@code rx SEQ
 * ARRIVED}, {@code play POPPED WRITTEN}, System.nanoTime), read back for latency figures: the
 * stages of the pipeline within a time window, in milliseconds.
 */
record MediaTraces(List<long[]> tx, List<long[]> rx, List<long[]> play) {

    /** Reads a trace file; unknown or short lines are skipped (a trace cut off as its process ended). */
    static MediaTraces read(Path file) throws IOException {
        List<long[]> tx = new ArrayList<>();
        List<long[]> rx = new ArrayList<>();
        List<long[]> play = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            try {
                switch (f[0]) {
                    case "tx" -> tx.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
                    case "rx" -> rx.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    case "play" -> play.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    default -> { }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // a partial last line
            }
        }
        return new MediaTraces(tx, rx, play);
    }

    /** Capture to send (encode, seal, send) of the frames captured within [from, to): SENT - CAPTURED. */
    Distribution captureToSend(long from, long to) {
        return Distribution.of(tx.stream().filter(t -> t[1] >= from && t[1] < to).mapToLong(t -> t[2] - t[1]).toArray());
    }

    /** Receive to playback (decode, sink write) of the frames popped within [from, to): WRITTEN - POPPED. */
    Distribution popToWritten(long from, long to) {
        return Distribution.of(play.stream().filter(p -> p[0] >= from && p[0] < to).mapToLong(p -> p[1] - p[0]).toArray());
    }

    /** Sent by {@code sender} to arrived here, by sequence number, for frames sent within [from, to). */
    Distribution network(MediaTraces sender, long from, long to) {
        Map<Long, Long> sent = new HashMap<>();
        for (long[] t : sender.tx) {
            if (t[2] >= from && t[2] < to) {
                sent.put(t[0], t[2]);
            }
        }
        return Distribution.of(rx.stream().filter(r -> sent.containsKey(r[0])).mapToLong(r -> r[1] - sent.get(r[0])).toArray());
    }

    /** Durations in nanoseconds, summarized in milliseconds. */
    record Distribution(long[] sortedNanos) {

        static Distribution of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Distribution(sorted);
        }

        int count() {
            return sortedNanos.length;
        }

        double meanMillis() {
            return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6;
        }

        /** The nearest-rank percentile {@code p} (0-100). */
        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
            return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean %.2f, p50 %.2f, p95 %.2f, p99 %.2f, max %.2f ms (%d frames)",
                    meanMillis(), percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100),
                    count());
        }
    }
}
