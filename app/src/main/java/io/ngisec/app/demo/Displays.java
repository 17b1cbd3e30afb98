package io.ngisec.app.demo;

import java.util.Locale;
import java.util.Map;

/** Whether a window can open here, decided before anything is started. */
final class Displays {

    private Displays() {
    }

    /**
     * On Linux and the BSDs a window needs an X or Wayland display named in the environment;
     * Windows and macOS sessions always have one (a service or SSH session without it fails
     * when the app opens, and says so).
     */
    static boolean available(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return !environment.getOrDefault("DISPLAY", "").isBlank() || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
