package io.ngisec.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The app's look: AtlantaFX Primer, light or dark as the operating system prefers (where JavaFX
 * can tell, and following it when it changes), plus the app's own stylesheet with its looked-up
 * colors. Call on the FX thread.
 */
public final class Themes {

    private static final String APP_CSS = Themes.class.getResource("app.css").toExternalForm();

    // FX thread only, like everything here.
    private static ThemeMode mode = ThemeMode.SYSTEM;
    private static boolean following;

    private Themes() {
    }

    /** Applies the theme matching the OS color scheme now and whenever it changes (unless the user chose one). */
    public static void followOs() {
        var preferences = Platform.getPreferences();
        if (!following) {
            following = true;
            preferences.colorSchemeProperty().addListener((o, was, now) -> {
                if (mode == ThemeMode.SYSTEM) {
                    apply(now);
                }
            });
        }
        use(mode);
    }

    /** Applies {@code chosen} at once: light, dark, or the OS's scheme (followed as it changes). */
    public static void use(ThemeMode chosen) {
        mode = chosen;
        apply(switch (chosen) {
            case SYSTEM -> Platform.getPreferences().getColorScheme();
            case LIGHT -> ColorScheme.LIGHT;
            case DARK -> ColorScheme.DARK;
        });
    }

    /** The mode last chosen ({@link ThemeMode#SYSTEM} until one is). */
    public static ThemeMode mode() {
        return mode;
    }

    /** Applies the light or dark theme. */
    public static void apply(ColorScheme scheme) {
        Application.setUserAgentStylesheet(scheme == ColorScheme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the app's stylesheet to {@code scene}. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}
