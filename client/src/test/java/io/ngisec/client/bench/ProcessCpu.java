package io.ngisec.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time a Linux process has used so far, from {@code /proc/PID/stat} (utime and stime, in
 * clock ticks), and per thread with their context switches, from {@code /proc/PID/task}.
 */
final class ProcessCpu {

    /** USER_HZ, the unit of /proc's times: 100 on every Linux architecture this runs on. */
    static final int TICKS_PER_SECOND = 100;

    /** User and system ticks, and the voluntary plus involuntary context switches, of a process or thread. */
    record Usage(long userTicks, long systemTicks, long switches) {

        long ticks() {
            return userTicks + systemTicks;
        }

        Usage minus(Usage earlier) {
            return new Usage(userTicks - earlier.userTicks, systemTicks - earlier.systemTicks, switches - earlier.switches);
        }

        Usage plus(Usage other) {
            return new Usage(userTicks + other.userTicks, systemTicks + other.systemTicks, switches + other.switches);
        }
    }

    private ProcessCpu() {
    }

    /** The whole process: its threads' times as the kernel sums them; switches summed over its live threads. */
    static Usage usage(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long[] times = times(proc.resolve("stat"));
        long switches = threads(pid).values().stream().mapToLong(Usage::switches).sum();
        return new Usage(times[0], times[1], switches);
    }

    /** Per thread name ({@code /proc/PID/task/TID}, names cut to 15 characters, trailing digits as #), threads of one name summed. */
    static Map<String, Usage> threads(long pid) throws IOException {
        Map<String, Usage> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                    long[] times = times(task.resolve("stat"));
                    byName.merge(name, new Usage(times[0], times[1], switches(task.resolve("status"))), Usage::plus);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    /** {@code ticks} over {@code nanos} of wall time, as a percentage of one core. */
    static double percentOfCore(long ticks, long nanos) {
        return 100.0 * ticks / TICKS_PER_SECOND / (nanos / 1e9);
    }

    private static long[] times(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15, i.e. 11 and 12 after the state (field 3).
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    private static long switches(Path statusFile) throws IOException {
        long sum = 0;
        for (String line : Files.readAllLines(statusFile)) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return sum;
    }
}
