package io.ngisec.app.tour;

import io.ngisec.app.main.Workbench;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;

/**
 * What a {@link TourStep} works with: the window's scene (found by node id, driven as a user
 * would: buttons fired, text typed), the main window's {@link Workbench}, the contact the tour
 * visits, files for the file chooser, and waits. Called from the tour's thread; every access to
 * the scene happens on the FX thread.
 */
public final class TourGuide {

    /** How long a step waits for the network to show something on a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private final Scene scene;
    private final Workbench workbench;
    private final String contact;
    private final Path scratch;
    private final TourPicker picker;

    TourGuide(Scene scene, Workbench workbench, String contact, Path scratch, TourPicker picker) {
        this.scene = scene;
        this.workbench = workbench;
        this.contact = contact;
        this.scratch = scratch;
        this.picker = picker;
    }

    /** The colleague the tour calls, sends to and chats with (the demo's echo). */
    public String contact() {
        return contact;
    }

    /** The main window's working parts (read them on the FX thread, through {@link #onFx}). */
    public Workbench workbench() {
        return workbench;
    }

    /** A folder for the files the tour sends; removed when the app exits. */
    public Path scratch() {
        return scratch;
    }

    /** The next file chooser the app opens answers {@code files} instead of asking. */
    public void chooseNext(List<Path> files) {
        picker.next(files);
    }

    /** Runs {@code call} on the FX thread and returns its result. */
    public <T> T onFx(Callable<T> call) throws TourFailure, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new TourFailure(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new TourFailure("the FX thread did not answer within " + WAIT.toSeconds() + " s", e);
        }
    }

    /** The node {@code selector} (e.g. {@code #call-echo}) finds in the window, or null. FX thread. */
    public Node find(String selector) {
        return scene.lookup(selector);
    }

    /** Whether {@code selector} finds a node that is enabled. */
    public boolean enabled(String selector) throws TourFailure, InterruptedException {
        return onFx(() -> scene.getRoot().lookupAll(selector).stream().anyMatch(n -> !n.isDisabled()));
    }

    /** Presses the button {@code selector} finds, as a click would; fails when it is missing or disabled. */
    public void press(String selector) throws TourFailure, InterruptedException {
        onFx(() -> {
            // Ids are not unique across screens (a chat's pane and the directory's Chat button): take the button.
            ButtonBase button = scene.getRoot().lookupAll(selector).stream().filter(ButtonBase.class::isInstance)
                    .map(ButtonBase.class::cast).filter(b -> !b.isDisabled()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no enabled button " + selector));
            button.fire();
            return null;
        });
    }

    /** Sets the text of the input {@code selector} finds, as typing would. */
    public void type(String selector, String text) throws TourFailure, InterruptedException {
        onFx(() -> {
            if (!(find(selector) instanceof TextInputControl input)) {
                throw new IllegalStateException("no text input " + selector);
            }
            input.requestFocus();
            input.setText(text);
            return null;
        });
    }

    /** Selects the tab with id {@code tabId} in the tab pane {@code paneSelector} finds. */
    public void selectTab(String paneSelector, String tabId) throws TourFailure, InterruptedException {
        onFx(() -> {
            if (!(find(paneSelector) instanceof TabPane pane)) {
                throw new IllegalStateException("no tab pane " + paneSelector);
            }
            Tab tab = pane.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no tab " + tabId));
            pane.getSelectionModel().select(tab);
            return null;
        });
    }

    /** Waits until {@code condition} (run on the FX thread) holds; fails saying {@code what} after {@link #WAIT}. */
    public void await(String what, Callable<Boolean> condition) throws TourFailure, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TourFailure("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Lets live figures and charts run for {@code time} before the picture. */
    public void linger(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
    }
}
