package io.ngisec.app.chat;

import atlantafx.base.theme.Styles;
import io.ngisec.app.transfer.FilePicker;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One conversation: the messages and transfers (newest at the bottom, followed as they come),
 * and the input: Enter sends, Shift+Enter starts a new line; the paperclip sends files, and files
 * dropped anywhere on the conversation go to the colleague.
 */
public final class ChatView {

    private final VBox root = new VBox(8);
    private final TextArea input = new TextArea();

    public ChatView(ChatViewModel model, FilePicker picker) {
        String user = model.user();
        Label presence = new Label();
        presence.getStyleClass().add(Styles.TEXT_MUTED);
        presence.textProperty().bind(javafx.beans.binding.Bindings.when(model.onlineProperty())
                .then(user + " is online").otherwise(user + " is offline; chat needs both of you online"));

        ListView<ConversationEntry> list = new ListView<>(model.entries());
        list.setId("chatList-" + user);
        list.setAccessibleText("Conversation with " + user);
        list.setPlaceholder(new Label("No messages with " + user + " yet"));
        list.setCellFactory(v -> new MessageCell(model));
        list.getStyleClass().add("chat-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        model.entries().addListener((ListChangeListener<ConversationEntry>) c -> list.scrollTo(model.entries().size() - 1));

        input.setId("chatInput-" + user);
        input.setPromptText("Write to " + user + " (Enter sends, Shift+Enter for a new line)");
        input.setAccessibleText("Message to " + user);
        input.setWrapText(true);
        input.setPrefRowCount(2);
        input.textProperty().bindBidirectional(model.draftProperty());
        input.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    input.insertText(input.getCaretPosition(), "\n");
                } else {
                    model.send();
                }
                e.consume();
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button(null, new FontIcon(Feather.SEND));
        send.setId("chatSend-" + user);
        send.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        send.setAccessibleText("Send message to " + user);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(e -> model.send());
        Button attach = new Button(null, new FontIcon(Feather.PAPERCLIP));
        attach.setId("chatAttach-" + user);
        attach.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        attach.setAccessibleText("Send files to " + user);
        attach.disableProperty().bind(model.onlineProperty().not());
        attach.setOnAction(e -> model.dropFiles(picker.files(root.getScene().getWindow(), "Send files to " + user)));
        HBox composer = new HBox(8, attach, input, send);
        composer.setAlignment(Pos.CENTER);

        root.setId("chat-" + user);
        root.setPadding(new Insets(12));
        root.getChildren().addAll(presence, list, composer);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && model.onlineProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean taken = e.getDragboard().hasFiles() && model.onlineProperty().get();
            if (taken) {
                model.dropFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the caret in the input (when the conversation is opened). */
    public void focusInput() {
        input.requestFocus();
    }
}
