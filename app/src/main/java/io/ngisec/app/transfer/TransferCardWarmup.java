package io.ngisec.app.transfer;

import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import java.time.Duration;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * A transfer card for a transfer that does not exist, showing it running and then completed, so
 * that the card's first real use finds its classes loaded and its code paths run (see
 * {@code main.ViewWarmup}). Its buttons are never shown to anyone; nothing reaches the service.
 */
public final class TransferCardWarmup {

    private TransferCardWarmup() {
    }

    /** A transfers list holding one such card in its cell, as the first transfer's row is; the caller lays it out out of sight. */
    public static Node list(TransfersViewModel model) {
        Node card = card(model);
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("warm-up"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty ? null : card);
            }
        });
        return new VBox(list);
    }

    /** A card of {@code model}'s kind, shown through the states a first transfer goes through. */
    static Node card(TransfersViewModel model) {
        TransferId id = TransferId.random();
        TransferItem item = new TransferItem(new TransferSnapshot(id, Direction.OUTGOING, "warm-up", "warm-up.bin",
                1 << 20, 1 << 19, 1 << 20, Optional.of(Duration.ofSeconds(1)), TransferState.TRANSFERRING, "",
                Optional.empty(), true));
        TransferCard card = new TransferCard(model);
        card.show(item);
        item.update(new TransferSnapshot(id, Direction.OUTGOING, "warm-up", "warm-up.bin", 1 << 20, 1 << 20, 0,
                Optional.empty(), TransferState.COMPLETED, "", Optional.empty(), false));
        return card.root();
    }
}
