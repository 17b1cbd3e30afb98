package io.ngisec.app;

import io.ngisec.client.home.PeerHome;
import java.util.List;
import javafx.application.Application;

/**
 * The desktop app's entry point: a plain main class, since JavaFX refuses to start an
 * {@code Application} subclass named as main class from the class path. Checks the arguments
 * before any window opens: bad ones get one line on stderr and exit code 2.
 */
public final class AppLauncher {

    private AppLauncher() {
    }

    /** Runs the app with {@code [--home DIR] [ngisec:invite?...]}; exits 2 on bad arguments, 1 without a display. */
    public static void main(String[] args) {
        AppArguments parsed;
        try {
            parsed = AppArguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ngisec-app: " + e.getMessage() + " (" + AppArguments.USAGE + ")");
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(AppArguments.USAGE);
            return;
        }
        if (noDisplay()) {
            System.err.println("ngisec-app: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)");
            System.exit(1);
            return;
        }
        // The home opens while JavaFX starts (HomeOpening: a fifth of the launch, overlapped).
        HomeOpening.startEarly(parsed.home().orElseGet(PeerHome::defaultDirectory));
        Application.launch(NgisecApp.class, args);
        // The app has stopped (NgisecApp.stop took the device offline). Once the tray icon was up,
        // AWT keeps threads that would hold the JVM open with no window left.
        System.exit(0);
    }

    /** On Linux without X11 or Wayland GTK fails with a stack trace: catch that case first. Monocle needs no display. */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        return linux && !"Monocle".equals(System.getProperty("glass.platform"))
                && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
