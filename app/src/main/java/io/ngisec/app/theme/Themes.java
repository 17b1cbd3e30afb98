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

    private Themes() {
    }

    /** Applies the theme matching the OS color scheme now and whenever it changes. */
    public static void followOs() {
        var preferences = Platform.getPreferences();
        apply(preferences.getColorScheme());
        preferences.colorSchemeProperty().addListener((o, was, now) -> apply(now));
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
