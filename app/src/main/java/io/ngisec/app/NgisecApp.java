package io.ngisec.app;

import io.ngisec.app.theme.Themes;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: theme, one window, and its shell. Started by {@link AppLauncher} (or a test harness). */
public final class NgisecApp extends Application {

    private AppShell shell;

    @Override
    public void start(Stage stage) {
        AppArguments arguments;
        try {
            arguments = AppArguments.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            // AppLauncher checked them already; a harness passing bad ones gets the same line.
            throw new IllegalArgumentException(e.getMessage() + " (" + AppArguments.USAGE + ")", e);
        }
        Themes.followOs();
        shell = new AppShell(stage, arguments);
        shell.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
