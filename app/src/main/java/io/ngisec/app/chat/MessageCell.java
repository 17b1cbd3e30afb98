package io.ngisec.app.chat;

import atlantafx.base.theme.Styles;
import io.ngisec.app.transfer.TransferCard;
import io.ngisec.client.chat.ChatDirection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One line of a conversation: a message bubble (text, time, delivery) on its writer's side, or a transfer card. */
final class MessageCell extends ListCell<ConversationEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final String user;
    private final Label text = new Label();
    private final Label meta = new Label();
    private final VBox bubble = new VBox(2, text, meta);
    private final HBox row = new HBox(bubble);
    private final ChatViewModel model;
    // Made for the first file this cell shows: most lines are messages, and a card is a dozen controls.
    private TransferCard card;

    MessageCell(ChatViewModel model) {
        this.user = model.user();
        this.model = model;
        text.setWrapText(true);
        text.getStyleClass().add("chat-text");
        meta.getStyleClass().addAll("chat-meta", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        bubble.getStyleClass().add("chat-bubble");
        bubble.setMaxWidth(520);
        row.getStyleClass().add("chat-message");
        // A cell must not grow wider than the list, or wrapped text never wraps.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ConversationEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (card != null) {
            card.show(null);
        }
        if (empty || entry == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        switch (entry) {
            case ConversationEntry.Message m -> {
                boolean mine = m.direction() == ChatDirection.OUTGOING;
                text.setText(m.text());
                String when = TIME.format(m.at());
                String state = m.delivery().label() + (m.problem().isEmpty() ? "" : ": " + m.problem());
                meta.setText(mine ? when + " · " + state : when);
                meta.getStyleClass().remove(Styles.DANGER);
                if (m.delivery() == Delivery.FAILED) {
                    meta.getStyleClass().add(Styles.DANGER);
                }
                bubble.getStyleClass().removeAll("chat-mine", "chat-theirs");
                bubble.getStyleClass().add(mine ? "chat-mine" : "chat-theirs");
                row.setAlignment(mine ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                setGraphic(row);
                setAccessibleText((mine ? "You" : user) + ", " + when + ": " + m.text() + (mine ? ", " + state : ""));
            }
            case ConversationEntry.File f -> {
                if (card == null) {
                    card = new TransferCard(model.transfers());
                }
                card.show(f.transfer());
                setGraphic(card.root());
                setAccessibleText(f.transfer().headingProperty().get());
            }
        }
    }
}
