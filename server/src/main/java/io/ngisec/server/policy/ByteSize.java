package io.ngisec.server.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File sizes as policies write them: a number, optionally with a fraction, then a unit: B, KB, MB,
 * GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), in any case (b always means
 * bytes). The result must be a whole, positive number of bytes that fits in a long.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,20}(?:\\.[0-9]{1,20})?)\\s*([A-Za-z]{1,3})");
    private static final String[] BINARY = {"TiB", "GiB", "MiB", "KiB"};

    private ByteSize() {
    }

    /** The number of bytes {@code text} says, or empty when it is not a valid size. */
    public static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        BigInteger unit = unit(m.group(2).toUpperCase(Locale.ROOT));
        if (unit == null) {
            return OptionalLong.empty();
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(new BigDecimal(unit));
        if (bytes.signum() <= 0 || bytes.stripTrailingZeros().scale() > 0
                || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(bytes.longValueExact());
    }

    /** {@code bytes} in the largest binary unit that divides it exactly, else in bytes. */
    public static String format(long bytes) {
        for (int i = 0; i < BINARY.length; i++) {
            long unit = 1L << (10 * (BINARY.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + " " + BINARY[i];
            }
        }
        return bytes + " B";
    }

    private static BigInteger unit(String name) {
        return switch (name) {
            case "B" -> BigInteger.ONE;
            case "KB" -> BigInteger.TEN.pow(3);
            case "MB" -> BigInteger.TEN.pow(6);
            case "GB" -> BigInteger.TEN.pow(9);
            case "TB" -> BigInteger.TEN.pow(12);
            case "KIB" -> BigInteger.TWO.pow(10);
            case "MIB" -> BigInteger.TWO.pow(20);
            case "GIB" -> BigInteger.TWO.pow(30);
            case "TIB" -> BigInteger.TWO.pow(40);
            default -> null;
        };
    }
}
