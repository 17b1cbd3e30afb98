package io.ngisec.client.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a relative path offered by a peer is safe to create under a save folder on any of the
 * systems we run on: '/'-separated, relative, no '.' or '..' or empty segment, no control
 * character, no character Windows forbids, no name Windows reserves (CON, NUL.txt, ...), no
 * segment ending in a dot or space, within length limits.
 */
public final class SafeNames {

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final String FORBIDDEN = "<>:\"\\|?*";

    private SafeNames() {
    }

    /** Empty when {@code path} is safe; otherwise the one-line problem. */
    public static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("empty file name");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > TransferLimits.MAX_PATH_BYTES) {
            return Optional.of("file name too long");
        }
        if (path.startsWith("/")) {
            return Optional.of("absolute path " + quoted(path));
        }
        for (String segment : path.split("/", -1)) {
            Optional<String> problem = segmentProblem(segment);
            if (problem.isPresent()) {
                return Optional.of(problem.get() + " in " + quoted(path));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("empty path segment");
        }
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("'" + segment + "' segment");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > TransferLimits.MAX_SEGMENT_BYTES) {
            return Optional.of("name too long");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of(Character.isISOControl(c) ? "control character" : "character '" + c + "'");
            }
        }
        char last = segment.charAt(segment.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("name ending in a dot or space");
        }
        int dot = segment.indexOf('.');
        String base = (dot < 0 ? segment : segment.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            return Optional.of("reserved name '" + segment + "'");
        }
        return Optional.empty();
    }

    private static String quoted(String path) {
        return "'" + path.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
