package io.ngisec.client.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How far behind its own 20 ms clock a talker captured its frames, from its media trace's
 * {@code tx SEQ CAPTURED SENT} lines: frame {@code seq} should be captured 20 ms after frame
 * {@code seq - 1}, so {@code CAPTURED - 20 ms * (seq - first seq)}, less its smallest value, is
 * how late each frame left the talker: what a starved process adds to the far side's jitter
 * before the network adds any. Sequence numbers are unwrapped from 16 bits in trace order.
 */
public final class TalkerTiming {

    private static final long FRAME_NANOS = 20_000_000;

    private TalkerTiming() {
    }

    /** The {@code p}-th percentile (0..100, nearest rank) of the lateness in milliseconds; 0 without frames. */
    public static double lateMillis(Path trace, double p) throws IOException {
        return lateMillis(Files.readAllLines(trace, StandardCharsets.US_ASCII), p);
    }

    /** As {@link #lateMillis(Path, double)}, from the trace's lines. */
    public static double lateMillis(List<String> lines, double p) {
        long[] late = new long[lines.size()];
        int n = 0;
        long firstSeq = 0;
        long lastSeq = 0;
        long firstCaptured = 0;
        for (String line : lines) {
            String[] f = line.split(" ");
            if (!f[0].equals("tx")) {
                continue;
            }
            int seq16 = Integer.parseInt(f[1]);
            long captured = Long.parseLong(f[2]);
            long seq = n == 0 ? seq16 : lastSeq + (short) (seq16 - (int) lastSeq);
            if (n == 0) {
                firstSeq = seq;
                firstCaptured = captured;
            }
            lastSeq = seq;
            late[n++] = captured - firstCaptured - (seq - firstSeq) * FRAME_NANOS;
        }
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(late, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * n);
        return (sorted[Math.clamp(rank - 1, 0, n - 1)] - sorted[0]) / 1e6;
    }
}
