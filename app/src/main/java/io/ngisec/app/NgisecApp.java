package io.ngisec.app;

import io.ngisec.app.probe.PulseProbe;
import io.ngisec.app.theme.Themes;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: theme, one window, and its shell. Started by {@link AppLauncher} (or a test harness). */
public final class NgisecApp extends Application {

    private AppShell shell;
    private Optional<PulseProbe> probe = Optional.empty();

    @Override
    public void start(Stage stage) {
        AppArguments arguments;
        try {
            arguments = AppArguments.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            // AppLauncher checked them already; a harness passing bad ones gets the same line.
            throw new IllegalArgumentException(e.getMessage() + " (" + AppArguments.USAGE + ")", e);
        }
        probe = PulseProbe.requested(System.getenv());
        Themes.followOs();
        shell = new AppShell(stage, arguments, probe);
        InviteLinks.listen(shell::openInvite);
        shell.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        probe.ifPresent(PulseProbe::close);
    }
}
