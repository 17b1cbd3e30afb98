package io.ngisec.app.unlock;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The unlock screen: which device, the passphrase field, Unlock, and the last error. */
public final class UnlockView {

    private final StackPane root = new StackPane();

    public UnlockView(UnlockViewModel model) {
        Label title = new Label("Unlock " + model.who(), new FontIcon(Feather.LOCK));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("This device's keys are protected by a passphrase.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlockPassphrase");
        passphrase.setPromptText("Passphrase");
        passphrase.setAccessibleText("Passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        Button unlock = new Button("Unlock", new FontIcon(Feather.UNLOCK));
        unlock.setId("unlockButton");
        unlock.setAccessibleText("Unlock the device keys");
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        unlock.setOnAction(e -> model.unlock());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.setAccessibleText("Unlocking");
        progress.visibleProperty().bind(model.busyProperty());
        Label error = new Label();
        error.setId("unlockError");
        error.setWrapText(true);
        error.getStyleClass().add("error-line");
        error.textProperty().bind(model.errorProperty());
        error.accessibleTextProperty().bind(model.errorProperty());
        HBox actions = new HBox(12, unlock, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(title, intro, passphrase, actions, error);
        card.getStyleClass().add("enroll-card");
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setMargin(card, new Insets(24));
        root.getChildren().add(card);
        passphrase.sceneProperty().addListener((o, was, now) -> passphrase.requestFocus());
    }

    public Parent root() {
        return root;
    }
}
