package io.ngisec.server.service;

import io.ngisec.server.api.ApiException;

/**
 * The rules for a device's display name: it is shown to peers and may end up in file names on
 * their machines, so it must be short, printable and no path.
 */
final class DeviceNames {

    /** Longest name, in characters (code points) after stripping. */
    static final int MAX_LENGTH = 64;

    private DeviceNames() {
    }

    /** {@code raw} stripped of surrounding white space, or invalid_request saying what is wrong. */
    static String check(String raw) throws ApiException {
        if (raw == null) {
            throw ServiceErrors.invalidRequest("device name is missing");
        }
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw ServiceErrors.invalidRequest("device name must be 1 to " + MAX_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(DeviceNames::unprintable)) {
            throw ServiceErrors.invalidRequest("device name contains a control or invisible character");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.equals(".")) {
            throw ServiceErrors.invalidRequest("device name must not contain '/', '\\' or '..'");
        }
        return name;
    }

    /** Control, format (bidi overrides, zero-width), separators other than space, surrogates, unassigned. */
    private static boolean unprintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
