package io.ngisec.app.transfer;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The incoming offer dialog: sender, files and total size, the folder to save into (typed or
 * chosen with "Save to..."), Accept (Enter) and Decline (Escape, or closing the window). Not
 * modal: transfers and chat go on while it is open; it closes itself when the offer ends.
 */
public final class OfferDialog {

    static final String TITLE = "NGISec Communicator - incoming files";

    private OfferDialog() {
    }

    /** Shows a dialog for {@code model} over {@code owner}. */
    public static void show(OfferViewModel model, Window owner, FilePicker picker) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(TITLE);
        dialog.setHeaderText(model.headline());
        dialog.setGraphic(new FontIcon(Feather.DOWNLOAD));

        VBox files = new VBox(2);
        for (String line : model.files()) {
            Label l = new Label(line);
            l.getStyleClass().add("offer-file");
            files.getChildren().add(l);
        }
        TextField folder = new TextField();
        folder.setId("offerFolder");
        folder.setAccessibleText("Save into folder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Save to...", new FontIcon(Feather.FOLDER));
        choose.setId("offerSaveTo");
        choose.setAccessibleText("Choose the folder to save into");
        choose.setOnAction(e -> picker.folder(dialog.getDialogPane().getScene().getWindow(), "Save files into",
                java.nio.file.Path.of(folder.getText().isBlank() ? "." : folder.getText()))
                .ifPresent(p -> model.folderProperty().set(p.toString())));
        Label error = new Label();
        error.setId("offerError");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());

        VBox content = new VBox(8, new Label("Files:"), files, new Label("Save into:"), new HBox(8, folder, choose), error);
        content.setPadding(new Insets(8, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("offerDialog");
        ButtonType acceptType = new ButtonType("Accept", ButtonBar.ButtonData.OK_DONE);
        ButtonType declineType = new ButtonType("Decline", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(acceptType, declineType);
        Node accept = dialog.getDialogPane().lookupButton(acceptType);
        accept.setId("offerAccept");
        accept.setAccessibleText("Accept the files");
        accept.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.accept()) {
                e.consume(); // stays open to show why
            }
        });
        Node decline = dialog.getDialogPane().lookupButton(declineType);
        decline.setId("offerDecline");
        decline.setAccessibleText("Decline the files");
        // Escape, the window's close button and Decline all land here.
        dialog.setOnHidden(e -> model.decline());
        model.closedProperty().addListener((o, was, now) -> {
            if (now && dialog.isShowing()) {
                dialog.close();
            }
        });
        dialog.show();
        accept.requestFocus();
    }
}
