package io.ngisec.app.diagnostics;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/** How the diagnostics screen writes figures: milliseconds, seconds, bytes, bit rates, percentages, addresses. */
final class Units {

    private Units() {
    }

    static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        return scaled(n, "B");
    }

    /** {@code bytesPerSecond} in bits per second: "12.0 kbit/s". */
    static String rate(double bytesPerSecond) {
        double bits = bytesPerSecond * 8;
        return bits < 1000 ? String.format(Locale.ROOT, "%.0f bit/s", bits) : scaled(bits, "bit/s");
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    static String address(InetSocketAddress a) {
        if (a.isUnresolved() || a.getAddress() == null) {
            return a.getHostString() + ":" + a.getPort();
        }
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String scaled(double n, String unit) {
        String[] prefixes = {"k", "M", "G", "T"};
        double v = n / 1000;
        int i = 0;
        while (v >= 1000 && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s%s" : v < 100 ? "%.1f %s%s" : "%.0f %s%s", v, prefixes[i], unit);
    }
}
