package io.ngisec.client.transfer;

import java.util.HexFormat;

/** Hex digests and one-line reasons, as they appear in messages and the database. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_REASON = 500;

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] parse(String hex) {
        return HEX.parseHex(hex);
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    static boolean isSha256(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code reason} as one short line (a peer's text is shown to users). */
    static String oneLine(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String line = reason.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON);
    }
}
