package io.ngisec.app.theme;

import java.util.Locale;
import java.util.Optional;

/** Which theme the user chose: follow the operating system, or always light or dark. */
public enum ThemeMode {
    SYSTEM, LIGHT, DARK;

    /** The stored token: {@code system}, {@code light} or {@code dark}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of {@code token}, empty for anything else. */
    public static Optional<ThemeMode> ofToken(String token) {
        for (ThemeMode m : values()) {
            if (m.token().equals(token)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
