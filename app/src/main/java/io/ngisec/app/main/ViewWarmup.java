package io.ngisec.app.main;

import io.ngisec.app.transfer.TransferCardWarmup;
import io.ngisec.app.transfer.TransfersViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Builds, styles and lays out out of sight in the main window, once the app is online and idle,
 * the views a user's first transfer or conversation adds (a transfer card, a conversation tab),
 * then drops them.
 *
 * <p>Why: the first of each costs a cold JVM hundreds of milliseconds of class loading, lambda
 * linking, interpreted CSS matching and text layout on the FX thread. Measured under a 1 GiB
 * transfer and a call, that was the app's one stall of 0.7 s (docs/benchmarks.md, "Desktop app:
 * responsiveness"). Paid here, in a moment where nothing moves, one view a pulse, the user never
 * sees it. In the window's own scene, not a scratch one, because the style cache the first real
 * card and tab need is the scene's.
 */
final class ViewWarmup {

    private ViewWarmup() {
    }

    /** Queues the warm-up of views for {@code window} on the FX thread, one view per runLater so pulses go on between them. */
    static void start(TransfersViewModel transfers, MainView window) {
        Deque<Supplier<Node>> views = new ArrayDeque<>(List.of(
                () -> TransferCardWarmup.list(transfers),
                () -> conversationTabs(TransferCardWarmup.list(transfers))));
        Platform.runLater(() -> next(views, window));
    }

    private static void next(Deque<Supplier<Node>> views, MainView window) {
        Supplier<Node> view = views.poll();
        if (view == null) {
            return;
        }
        window.styleOffscreen(new StackPane(view.get()));
        Platform.runLater(() -> next(views, window));
    }

    /** A tab pane holding {@code transfers} gaining a tab with an icon and a changing title, as a first conversation does. */
    private static Node conversationTabs(Node transfers) {
        TabPane tabs = new TabPane(new Tab("Transfers", transfers));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab conversation = new Tab("warm-up");
        conversation.setGraphic(new FontIcon(Feather.MESSAGE_SQUARE));
        tabs.getTabs().add(conversation);
        conversation.setText("warm-up (1)");
        return tabs;
    }
}
