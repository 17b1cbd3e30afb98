package io.ngisec.app.transfer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The transfers list, both ways, newest first, with the last refusal above it. Keyboard: the list
 * takes focus and arrows move between transfers; each card's buttons are reachable with Tab.
 */
public final class TransfersView {

    private final VBox root = new VBox(8);

    public TransfersView(TransfersViewModel model) {
        Label notice = new Label();
        notice.setId("transferNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.DANGER);
        notice.textProperty().bind(model.noticeProperty());
        notice.accessibleTextProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        ListView<TransferItem> list = new ListView<>(model.items());
        list.setId("transferList");
        list.setAccessibleText("Transfers");
        list.setPlaceholder(new Label("No transfers yet. Drop files on a colleague to send them."));
        list.setCellFactory(v -> new ListCell<>() {
            // Built for the first item the cell shows: the list makes cells for empty rows too,
            // and each card is a dozen controls to style (the first transfer's stall on the FX thread).
            private TransferCard card;

            @Override
            protected void updateItem(TransferItem item, boolean empty) {
                super.updateItem(item, empty);
                if (card == null && !empty && item != null) {
                    card = new TransferCard(model);
                }
                if (card != null) {
                    card.show(empty ? null : item);
                }
                setGraphic(empty || item == null ? null : card.root());
                setAccessibleText(empty || item == null ? null : item.headingProperty().get());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setId("transfersView");
        root.setPadding(new Insets(12));
        root.getChildren().addAll(notice, list);
    }

    public Parent root() {
        return root;
    }
}
