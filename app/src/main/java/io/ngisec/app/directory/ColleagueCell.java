package io.ngisec.app.directory;

import atlantafx.base.theme.Styles;
import io.ngisec.app.service.Colleague;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/** One colleague in the directory: presence dot, name, presence and device count, and the action buttons. */
final class ColleagueCell extends ListCell<Colleague> {

    private final DirectoryViewModel model;
    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox actions = new HBox(4);
    private final HBox row;

    ColleagueCell(DirectoryViewModel model) {
        this.model = model;
        dot.getStyleClass().add("presence-dot");
        name.getStyleClass().add("contact-name");
        detail.getStyleClass().add("contact-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(10, dot, new VBox(2, name, detail), spacer, actions);
        row.setAlignment(Pos.CENTER_LEFT);
        setOnDragOver(e -> {
            if (getItem() != null && e.getDragboard().hasFiles() && model.acceptsFiles(getItem())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean taken = getItem() != null && e.getDragboard().hasFiles()
                    && model.dropFiles(getItem(), e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    @Override
    protected void updateItem(Colleague colleague, boolean empty) {
        super.updateItem(colleague, empty);
        if (empty || colleague == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        name.setText(colleague.user());
        String presence = DirectoryViewModel.detail(colleague);
        detail.setText(presence);
        dot.getStyleClass().remove("online");
        if (colleague.online()) {
            dot.getStyleClass().add("online");
        }
        actions.getChildren().clear();
        for (ContactAction action : ContactAction.values()) {
            actions.getChildren().add(button(action, colleague));
        }
        setAccessibleText(colleague.user() + ", " + presence);
        setGraphic(row);
    }

    /** The button inside a holder: a disabled control shows no tooltip, so the holder carries it too. */
    private StackPane button(ContactAction action, Colleague colleague) {
        ActionState state = model.state(action, colleague);
        Button b = new Button(null, new FontIcon(action.icon()));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setId(action.name().toLowerCase() + "-" + colleague.user());
        b.setAccessibleText(action.label() + " " + colleague.user());
        b.setDisable(!state.enabled());
        b.setFocusTraversable(false);
        b.setOnAction(e -> model.perform(action, colleague));
        Tooltip tip = new Tooltip(action.label() + ": " + state.tooltip());
        b.setTooltip(tip);
        StackPane holder = new StackPane(b);
        Tooltip.install(holder, tip);
        return holder;
    }
}
