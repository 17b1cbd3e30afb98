package io.ngisec.app.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a {@link PulseProbe} file says, over a window of its time: pulse lateness (the gap between
 * two pulses beyond the nominal 1/60 s), how many pulses were later than 50 ms, the most heap in
 * use, and the launch marks. {@code main FILE [FROM_MS TO_MS]} prints it.
 */
public record ProbeReport(int pulses, double maxLateMillis, double p99LateMillis, int lateOver50, long heapMaxBytes,
        double seconds, OptionalDouble shownMillis, OptionalDouble readyMillis) {

    /** One pulse every 1/60 s is on time: the pulse timer's nominal rate. */
    public static final double NOMINAL_MILLIS = 1000.0 / 60;
    /** A pulse later than this is one the acceptance counts as a miss. */
    public static final double LATE_MILLIS = 50;

    /** Reads {@code file}, counting the pulses and heap samples whose time (ms since the probe started) lies in [from, to]. */
    public static ProbeReport read(Path file, double from, double to) throws IOException {
        return of(Files.readAllLines(file), from, to);
    }

    /** The report over every line. */
    public static ProbeReport read(Path file) throws IOException {
        return read(file, 0, Double.MAX_VALUE);
    }

    /** The report of probe {@code lines} over [from, to] ms. */
    public static ProbeReport of(List<String> lines, double from, double to) {
        List<Double> late = new ArrayList<>();
        long heapMax = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        OptionalDouble shown = OptionalDouble.empty();
        OptionalDouble ready = OptionalDouble.empty();
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            switch (f[0]) {
                case "p", "h" -> {
                    double at = Double.parseDouble(f[1]);
                    if (at < from || at > to) {
                        continue;
                    }
                    first = Double.isNaN(first) ? at : first;
                    last = at;
                    if (f[0].equals("p")) {
                        late.add(Math.max(0, Double.parseDouble(f[2]) - NOMINAL_MILLIS));
                    } else {
                        heapMax = Math.max(heapMax, Long.parseLong(f[2]));
                    }
                }
                case "shown" -> shown = shown.isPresent() ? shown : OptionalDouble.of(Double.parseDouble(f[1]));
                case "ready" -> ready = ready.isPresent() ? ready : OptionalDouble.of(Double.parseDouble(f[1]));
                default -> {
                    // header and start lines
                }
            }
        }
        double[] sorted = late.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int over = (int) Arrays.stream(sorted).filter(l -> l > LATE_MILLIS).count();
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        double p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
        double seconds = Double.isNaN(first) ? 0 : (last - first) / 1000;
        return new ProbeReport(sorted.length, max, p99, over, heapMax, seconds, shown, ready);
    }

    /** Whether no pulse was later than 50 ms and the heap stayed under {@code heapLimitBytes}. */
    public boolean meets(long heapLimitBytes) {
        return lateOver50 == 0 && heapMaxBytes < heapLimitBytes;
    }

    /** One line for people. */
    public String summary() {
        return String.format(Locale.ROOT, "%d pulses over %.0f s: lateness max %.1f ms, p99 %.1f ms, %d later than 50 ms; heap used max %.0f MiB%s%s",
                pulses, seconds, maxLateMillis, p99LateMillis, lateOver50, heapMaxBytes / 1048576.0,
                shownMillis.isPresent() ? String.format(Locale.ROOT, "; main window shown %.0f ms after JVM start", shownMillis.getAsDouble()) : "",
                readyMillis.isPresent() ? String.format(Locale.ROOT, ", online %.0f ms", readyMillis.getAsDouble()) : "");
    }

    /** Prints the report of {@code FILE [FROM_MS TO_MS]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: ProbeReport FILE [FROM_MS TO_MS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        ProbeReport report = args.length == 1 ? read(file)
                : read(file, Double.parseDouble(args[1]), Double.parseDouble(args[2]));
        System.out.println(report.summary());
    }
}
