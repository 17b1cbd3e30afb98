package io.ngisec.app.tour;

import io.ngisec.app.main.Workbench;
import io.ngisec.app.transfer.FilePicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * The screenshot tour, asked for with {@code NGISEC_APP_TOUR=DIR}: once the main window is up it
 * runs {@link TourSteps#ALL} against the contact {@code NGISEC_APP_TOUR_CONTACT} (default
 * {@value #DEFAULT_CONTACT}), writes {@code DIR/STEP.png} after each, prints one line per step,
 * and closes the app. A step that fails or whose screen is absent is skipped, said in one line.
 */
public final class Tour {

    public static final String VARIABLE = "NGISEC_APP_TOUR";
    public static final String CONTACT_VARIABLE = "NGISEC_APP_TOUR_CONTACT";
    static final String DEFAULT_CONTACT = "echo";
    /** Room for the directory beside the workspace; no window manager under Xvfb, so the size holds. */
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;

    private final Path dir;
    private final String contact;
    private final List<TourStep> steps;
    private final TourPicker picker = new TourPicker(FilePicker.SYSTEM);

    Tour(Path dir, String contact, List<TourStep> steps) {
        this.dir = dir;
        this.contact = contact;
        this.steps = List.copyOf(steps);
    }

    /** The tour the environment asks for, or empty. */
    public static Optional<Tour> requested(Map<String, String> environment) {
        String dir = environment.getOrDefault(VARIABLE, "");
        if (dir.isBlank()) {
            return Optional.empty();
        }
        String contact = environment.getOrDefault(CONTACT_VARIABLE, "");
        return Optional.of(new Tour(Path.of(dir).toAbsolutePath(), contact.isBlank() ? DEFAULT_CONTACT : contact, TourSteps.ALL));
    }

    /** The file picker the app should use: the system's, except when a step chooses files. */
    public FilePicker picker() {
        return picker;
    }

    /** Starts the tour of {@code workbench}'s window in {@code stage} on a thread of its own. FX thread. */
    public void start(Stage stage, Workbench workbench) {
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        Thread.ofVirtual().name("app-tour").start(() -> {
            List<String> written = run(stage, workbench);
            System.out.println("tour: done, " + written.size() + " screenshots in " + dir + " " + written);
            Platform.runLater(Platform::exit);
        });
    }

    private List<String> run(Stage stage, Workbench workbench) {
        List<String> written = new ArrayList<>();
        Path scratch;
        try {
            Files.createDirectories(dir);
            scratch = Files.createTempDirectory("ngisec-tour-");
        } catch (IOException e) {
            System.out.println("tour: cannot write to " + dir + ": " + e.getMessage());
            return written;
        }
        TourGuide guide = new TourGuide(stage.getScene(), workbench, contact, scratch, picker);
        try {
            for (TourStep step : steps) {
                if (visit(step, guide, stage)) {
                    written.add(step.name() + ".png");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(scratch);
        }
        return written;
    }

    /** Shows, pictures and leaves one step; false when it was skipped. */
    private boolean visit(TourStep step, TourGuide guide, Stage stage) throws InterruptedException {
        try {
            if (!step.available(guide)) {
                System.out.println("tour: " + step.name() + ": skipped (this app has no such screen yet)");
                return false;
            }
            step.show(guide);
            Path file = dir.resolve(step.name() + ".png");
            // A pulse for layout and CSS of what the step changed, then the picture on the next.
            guide.onFx(() -> null);
            Thread.sleep(500);
            WritableImage image = guide.onFx(() -> stage.getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.out.println("tour: " + step.name() + ": wrote " + file);
            step.leave(guide);
            return true;
        } catch (TourFailure | IOException | RuntimeException e) {
            System.out.println("tour: " + step.name() + ": failed: " + e.getMessage());
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder: left for the system to clear.
        }
    }
}
