package io.ngisec.client.cli;

import java.util.Locale;

/** Byte counts as people read them (binary units). */
final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    static String bytes(long n) {
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }
}
