package io.ngisec.app.transfer;

import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.Node;

/**
 * A transfer card for a transfer that does not exist, showing it running and then completed, so
 * that the card's first real use finds its classes loaded and its code paths run (see
 * {@code main.ViewWarmup}). Its buttons are never shown to anyone; nothing reaches the service.
 */
public final class TransferCardWarmup {

    private TransferCardWarmup() {
    }

    /** A card of {@code model}'s kind, shown through the states a first transfer goes through; the caller lays it out offscreen. */
    public static Node card(TransfersViewModel model) {
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
