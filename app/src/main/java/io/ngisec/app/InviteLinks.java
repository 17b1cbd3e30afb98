package io.ngisec.app;

import java.awt.Desktop;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * {@code ngisec:} invite links opened while the app runs or that start it on macOS, where a clicked
 * link reaches the app as an Apple event rather than as a command-line argument (Windows and Linux
 * pass it as an argument, which {@link AppArguments} reads).
 */
final class InviteLinks {

    private static final Logger LOG = Logger.getLogger(InviteLinks.class.getName());

    private InviteLinks() {
    }

    /** On macOS, hands each opened {@code ngisec:} link to {@code open} on the FX thread; elsewhere nothing. */
    static void listen(Consumer<String> open) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
                Desktop.getDesktop().setOpenURIHandler(event -> {
                    String link = event.getURI().toString();
                    if (link.startsWith("ngisec:")) {
                        Platform.runLater(() -> open.accept(link));
                    }
                });
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.info("invite links cannot reach the running app: " + e);
        }
    }
}
