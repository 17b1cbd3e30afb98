package io.ngisec.server.policy;

import java.util.regex.Pattern;

/**
 * The syntax of user, group and rule names: 1 to 64 chars of ASCII letters, digits and
 * {@code . _ @ -}, starting with a letter or digit. Names are case-sensitive. The syntax keeps
 * names safe to print, to use in file names and URLs, and free of the selector prefixes
 * ({@code user:}, {@code group:}) and the characters policy files and tests give meaning to.
 */
public final class PolicyNames {

    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._@-]{0," + (PolicyLimits.MAX_NAME_CHARS - 1) + "}");

    private PolicyNames() {
    }

    /** Whether {@code name} is a valid user, group or rule name. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** What a valid name looks like, for error messages. */
    static String rule() {
        return "1 to " + PolicyLimits.MAX_NAME_CHARS
                + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
    }

    /**
     * {@code text} in double quotes, safe to put in a one-line message: control and non-ASCII
     * chars escaped, cut short after {@link PolicyLimits#MAX_QUOTED_CHARS} chars.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int n = Math.min(text.length(), PolicyLimits.MAX_QUOTED_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > n) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
