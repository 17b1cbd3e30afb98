package io.ngisec.app.main;

import io.ngisec.app.theme.Themes;
import io.ngisec.app.transfer.TransferCardWarmup;
import io.ngisec.app.transfer.TransfersViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Builds, styles and lays out offscreen, once the app is online and idle, the views a user's first
 * transfer or conversation adds (a transfer card, a conversation tab), then drops them.
 *
 * <p>Why: the first of each costs a cold JVM hundreds of milliseconds of class loading, lambda
 * linking, interpreted CSS matching and text layout on the FX thread. Measured under a 1 GiB
 * transfer and a call, that was the app's one stall of 0.7 s (docs/benchmarks.md, "Desktop app:
 * responsiveness"). Paid here, in a moment where nothing moves, one view a pulse, the user never
 * sees it.
 */
final class ViewWarmup {

    private ViewWarmup() {
    }

    /** Queues the warm-up on the FX thread, one view per runLater so pulses go on between them. */
    static void start(TransfersViewModel transfers) {
        Deque<Supplier<Node>> views = new ArrayDeque<>(List.of(
                () -> TransferCardWarmup.card(transfers),
                ViewWarmup::conversationTabs));
        Platform.runLater(() -> next(views));
    }

    private static void next(Deque<Supplier<Node>> views) {
        Supplier<Node> view = views.poll();
        if (view == null) {
            return;
        }
        StackPane root = new StackPane(view.get());
        Scene scene = new Scene(root, 640, 480);
        Themes.style(scene);
        layOut(root);
        Platform.runLater(() -> next(views));
    }

    /** A tab pane gaining a tab with an icon and a changing title, as a first conversation does. */
    private static Node conversationTabs() {
        TabPane tabs = new TabPane(new Tab("Transfers", new StackPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        StackPane holder = new StackPane(tabs);
        new Scene(holder, 640, 480);
        layOut(holder);
        Tab conversation = new Tab("warm-up");
        conversation.setGraphic(new FontIcon(Feather.MESSAGE_SQUARE));
        tabs.getTabs().add(conversation);
        conversation.setText("warm-up (1)");
        holder.getChildren().clear();
        return tabs;
    }

    private static void layOut(Parent root) {
        root.applyCss();
        root.layout();
    }
}
