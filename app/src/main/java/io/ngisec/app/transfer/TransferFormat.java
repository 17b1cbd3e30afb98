package io.ngisec.app.transfer;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How the transfers screen words sizes, rates, times left and fractions (binary units, one decimal). */
public final class TransferFormat {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private TransferFormat() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 3.0 MiB}, ... */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code 2.5 MiB/s}; a dash before any rate is known. */
    public static String rate(double bytesPerSecond) {
        return bytesPerSecond > 0 ? bytes(Math.round(bytesPerSecond)) + "/s" : "-";
    }

    /** {@code 45 s left}, {@code 3 min 5 s left}, {@code 1 h 2 min left}; empty when unknown. */
    public static String eta(Optional<Duration> eta) {
        if (eta.isEmpty()) {
            return "";
        }
        long s = Math.max(0, eta.get().toSeconds());
        if (s < 60) {
            return s + " s left";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s left";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min left";
    }

    /** Done of total as 0..1 (1 for an empty transfer). */
    public static double fraction(long done, long total) {
        if (total <= 0) {
            return 1;
        }
        return Math.min(1, Math.max(0, (double) done / total));
    }

    /** {@code 42 %} (rounded down, so 100 % only once every byte is there). */
    public static String percent(long done, long total) {
        return (long) Math.floor(fraction(done, total) * 100) + " %";
    }
}
