package io.ngisec.app.testing;

import io.ngisec.app.NgisecApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app ({@link NgisecApp}, as {@code AppLauncher} starts it) in headless Monocle for
 * TestFX tests, with lookups and waits that read the scene on the FX thread.
 */
public final class AppUnderTest implements AutoCloseable {

    /** How long a test waits for the UI to show a network outcome on a busy machine. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final Application app;
    private final FxRobot robot = new FxRobot();

    private AppUnderTest(Application app) {
        this.app = app;
    }

    /** Starts the app with these command-line arguments. */
    public static AppUnderTest launch(String... args) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        return new AppUnderTest(FxToolkit.setupApplication(NgisecApp.class, args));
    }

    /** A window that {@code setup} fills (on the FX thread), for screens built without the whole app. */
    public static AppUnderTest stage(java.util.function.Consumer<Stage> setup) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(setup);
        return new AppUnderTest(null);
    }

    public FxRobot robot() {
        return robot;
    }

    /** The node {@code query} finds, or null. */
    public Node find(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().orElse(null));
    }

    /** Whether the node {@code query} finds is disabled; throws when there is none. */
    public boolean disabled(String query) {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    /** The text of the labeled control or text field {@code query} finds, or null when there is none. */
    public String text(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> switch (n) {
            case Labeled l -> l.getText();
            case TextInputControl t -> t.getText();
            default -> n.toString();
        }).orElse(null));
    }

    /** The items of the list view {@code query} finds, copied on the FX thread; empty while there is none. */
    public <T> List<T> items(String query) {
        return onFx(() -> robot.lookup(query).<ListView<T>>tryQueryAs(cast()).map(l -> List.copyOf(l.getItems()))
                .orElse(List.of()));
    }

    /** Sets a text input's content at once, as a paste would. */
    public void paste(String query, String text) {
        robot.clickOn(query);
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(text));
    }

    public String title() {
        return onFx(() -> stage().getTitle());
    }

    /** Waits until {@code condition} (evaluated on the FX thread) holds; fails saying {@code what} and what {@code state} shows. */
    public void await(String what, Callable<Boolean> condition, Callable<String> state) {
        try {
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            String now;
            try {
                now = onFx(state);
            } catch (RuntimeException f) {
                now = f.toString();
            }
            throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; the window shows: " + now);
        }
    }

    /** Waits until the text at {@code query} equals {@code expected}. */
    public void awaitText(String query, String expected) {
        await(query + " reads \"" + expected + "\"", () -> expected.equals(text(query)), () -> text(query));
    }

    /** Writes the window as PNG to {@code file} (its folder is created). */
    public void snapshot(Path file) throws IOException {
        WritableImage image = onFx(() -> stage().getScene().snapshot(null));
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    @Override
    public void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    /** Runs {@code call} on the FX thread (or here when already on it) and returns its result. */
    public static <T> T onFx(Callable<T> call) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast() {
        return (Class<T>) (Class<?>) ListView.class;
    }
}
