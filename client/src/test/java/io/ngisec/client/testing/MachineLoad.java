package io.ngisec.client.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's one-minute load average, watched over a real-time test: on a machine whose runnable
 * threads far outnumber its cores, a call's talker and player miss their 20 ms deadlines by
 * hundreds of milliseconds and the audio measures the scheduler, not the code or the network.
 * Not thread safe.
 */
public final class MachineLoad {

    private final int cores = Runtime.getRuntime().availableProcessors();
    private double peak;

    /** Takes a sample (/proc/loadavg; none where it does not exist); returns the peak so far. */
    public double sample() {
        try {
            String avg = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            peak = Math.max(peak, Double.parseDouble(avg));
        } catch (IOException | RuntimeException e) {
            // Not Linux: no samples, never overloaded.
        }
        return peak;
    }

    /** The highest one-minute load average sampled. */
    public double peak() {
        return peak;
    }

    public int cores() {
        return cores;
    }

    /** Whether the peak exceeded {@code perCore} runnable threads per core. */
    public boolean exceeded(double perCore) {
        return peak > perCore * cores;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "load average up to %.1f on %d cores", peak, cores);
    }
}
