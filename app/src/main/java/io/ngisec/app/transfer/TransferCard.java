package io.ngisec.app.transfer;

import atlantafx.base.theme.Styles;
import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferState;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One transfer drawn as a card (in the transfers list and inline in a conversation): heading,
 * progress bar, figures, state with its reason, and the buttons that apply now. Shows one item at
 * a time; {@link #show} moves it to another (list cells are reused).
 */
public final class TransferCard {

    private final TransfersViewModel model;
    private final VBox root = new VBox(4);
    private final Label heading = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label figures = new Label();
    private final Label status = new Label();
    private final Button accept = button("Accept", Feather.CHECK, "transfer-accept");
    private final Button decline = button("Decline", Feather.X, "transfer-decline");
    private final Button pause = button("Pause", Feather.PAUSE, "transfer-pause");
    private final Button resume = button("Resume", Feather.PLAY, "transfer-resume");
    private final Button cancel = button("Cancel", Feather.X_CIRCLE, "transfer-cancel");
    private final Button retry = button("Retry", Feather.REFRESH_CW, "transfer-retry");
    private final Button open = button("Open folder", Feather.FOLDER, "transfer-open");
    private final ChangeListener<TransferState> stateStyle = (o, was, now) -> restyle(now);
    private TransferItem item;

    public TransferCard(TransfersViewModel model) {
        this.model = model;
        root.getStyleClass().add("transfer-card");
        heading.getStyleClass().add("transfer-heading");
        figures.getStyleClass().addAll("transfer-figures", Styles.TEXT_MUTED);
        status.getStyleClass().add("transfer-status");
        status.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("transfer-progress");
        accept.getStyleClass().add(Styles.SUCCESS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, accept, decline, pause, resume, cancel, retry, open);
        top.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(top, bar, new HBox(12, figures, status));
        accept.setOnAction(e -> model.offerOf(item).ifPresent(OfferViewModel::accept));
        decline.setOnAction(e -> model.offerOf(item).ifPresent(OfferViewModel::decline));
        pause.setOnAction(e -> model.pause(item));
        resume.setOnAction(e -> model.resume(item));
        cancel.setOnAction(e -> model.cancel(item));
        retry.setOnAction(e -> model.retry(item));
        open.setOnAction(e -> model.openFolder(item));
    }

    public Node root() {
        return root;
    }

    /** Shows {@code next} (null: nothing), letting go of the item shown before. */
    public void show(TransferItem next) {
        if (item != null) {
            heading.textProperty().unbind();
            bar.progressProperty().unbind();
            figures.textProperty().unbind();
            status.textProperty().unbind();
            for (Button b : new Button[] {accept, decline, pause, resume, cancel, retry}) {
                b.visibleProperty().unbind();
                b.managedProperty().unbind();
            }
            item.stateProperty().removeListener(stateStyle);
        }
        item = next;
        if (next == null) {
            return;
        }
        root.setId("transfer-" + next.id());
        heading.setGraphic(new FontIcon(next.direction() == Direction.OUTGOING ? Feather.ARROW_UP_RIGHT : Feather.ARROW_DOWN_LEFT));
        heading.textProperty().bind(next.headingProperty());
        bar.progressProperty().bind(next.progressProperty());
        figures.textProperty().bind(next.figuresProperty());
        status.textProperty().bind(next.statusProperty());
        bind(accept, next.awaitingAnswerProperty());
        bind(decline, next.awaitingAnswerProperty());
        bind(pause, next.canPauseProperty());
        bind(resume, next.canResumeProperty());
        bind(cancel, next.canCancelProperty());
        bind(retry, next.canRetryProperty());
        next.stateProperty().addListener(stateStyle);
        restyle(next.stateProperty().get());
        root.setAccessibleText(next.headingProperty().get());
        bar.setAccessibleText("Progress of " + next.headingProperty().get());
    }

    private void restyle(TransferState state) {
        boolean bad = state == TransferState.DENIED || state == TransferState.FAILED;
        status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (bad) {
            status.getStyleClass().add(Styles.DANGER);
        } else if (state == TransferState.COMPLETED) {
            status.getStyleClass().add(Styles.SUCCESS);
        }
        boolean canOpen = item != null && model.canOpenFolder(item);
        open.setVisible(canOpen);
        open.setManaged(canOpen);
        root.setAccessibleText(item == null ? null : item.headingProperty().get() + ", " + item.statusProperty().get());
    }

    private static void bind(Button b, javafx.beans.value.ObservableBooleanValue when) {
        b.visibleProperty().bind(when);
        b.managedProperty().bind(when);
    }

    /*
     * One tooltip per action for every card: a Tooltip is a popup window, and seven of them for
     * each new row made building the transfers list the FX thread's longest stall during a 1 GiB
     * transfer (docs/benchmarks.md, "Desktop app"). Cards are built on the FX thread only.
     */
    private static final Map<String, Tooltip> TOOLTIPS = new HashMap<>();

    private static Button button(String text, Ikon icon, String styleClass) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, styleClass);
        b.setAccessibleText(text);
        b.setTooltip(TOOLTIPS.computeIfAbsent(text, Tooltip::new));
        b.setVisible(false);
        b.setManaged(false);
        return b;
    }
}
