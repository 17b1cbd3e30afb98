package io.ngisec.app.enroll;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The enrollment screen, built in code over an {@link EnrollViewModel}. Node ids name its controls for tests. */
public final class EnrollView {

    private final EnrollViewModel model;
    private final StackPane root = new StackPane();

    public EnrollView(EnrollViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label title = new Label("Join your organization");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Paste the invite your administrator sent you. Nothing is sent until you press Enroll.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TextArea invite = new TextArea();
        invite.setId("inviteField");
        invite.setPromptText("ngisec:invite?v=1&server=...&ca=...&code=...");
        invite.setPrefRowCount(3);
        invite.setWrapText(true);
        invite.setAccessibleText("Invite");
        invite.textProperty().bindBidirectional(model.inviteProperty());
        Label invitePrompt = fieldLabel("Invite", invite);
        Label inviteProblem = errorLine("inviteProblem");
        inviteProblem.textProperty().bind(model.inviteProblemProperty());

        GridPane details = new GridPane();
        details.setHgap(12);
        details.setVgap(6);
        details.addRow(0, fieldLabel("Organization", null), value("organizationValue", "Organization", model.organizationProperty()));
        details.addRow(1, fieldLabel("Server", null), value("serverValue", "Server", model.serverProperty()));
        Label ca = value("caValue", "CA fingerprint", model.caFingerprintProperty());
        ca.getStyleClass().add("fingerprint");
        details.addRow(2, fieldLabel("CA fingerprint", null), ca);
        details.visibleProperty().bind(model.inviteValidProperty());
        details.managedProperty().bind(details.visibleProperty());

        TextField name = new TextField();
        name.setId("deviceNameField");
        name.setAccessibleText("Device name");
        name.textProperty().bindBidirectional(model.deviceNameProperty());

        ToggleGroup protection = new ToggleGroup();
        RadioButton keyFile = new RadioButton("Protect the keys with a key kept in this device's app folder (no typing)");
        keyFile.setId("keyFileChoice");
        keyFile.setAccessibleText("Protect the keys with a key kept in the app folder");
        keyFile.setToggleGroup(protection);
        keyFile.setSelected(!model.usePassphraseProperty().get());
        RadioButton passphraseChoice = new RadioButton("Protect the keys with a passphrase (asked at every start)");
        passphraseChoice.setId("passphraseChoice");
        passphraseChoice.setAccessibleText("Protect the keys with a passphrase");
        passphraseChoice.setToggleGroup(protection);
        passphraseChoice.selectedProperty().bindBidirectional(model.usePassphraseProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphraseField");
        passphrase.setPromptText("Passphrase");
        passphrase.setAccessibleText("Passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        PasswordField confirm = new PasswordField();
        confirm.setId("confirmField");
        confirm.setPromptText("Passphrase again");
        confirm.setAccessibleText("Passphrase again");
        confirm.textProperty().bindBidirectional(model.confirmationProperty());
        HBox passphrases = new HBox(8, passphrase, confirm);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        HBox.setHgrow(confirm, Priority.ALWAYS);
        passphrases.visibleProperty().bind(model.usePassphraseProperty());
        passphrases.managedProperty().bind(passphrases.visibleProperty());
        Label passphraseProblem = errorLine("passphraseProblem");
        passphraseProblem.textProperty().bind(model.passphraseProblemProperty());

        Button enroll = new Button("Enroll", new FontIcon(Feather.USER_CHECK));
        enroll.setId("enrollButton");
        enroll.setAccessibleText("Enroll this device");
        enroll.getStyleClass().add(Styles.ACCENT);
        enroll.setDefaultButton(true);
        enroll.disableProperty().bind(model.canEnrollProperty().not());
        enroll.setOnAction(e -> model.enroll());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("enrollProgress");
        progress.setAccessibleText("Enrolling");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.busyProperty());
        Label error = errorLine("enrollError");
        error.textProperty().bind(model.errorProperty());
        error.graphicProperty().bind(Bindings.when(model.errorProperty().isEmpty())
                .then((FontIcon) null).otherwise(new FontIcon(Feather.ALERT_CIRCLE)));
        HBox actions = new HBox(12, enroll, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(title, intro, invitePrompt, invite, inviteProblem, details,
                fieldLabel("Device name", name), name,
                fieldLabel("Key protection", null), keyFile, passphraseChoice, passphrases, passphraseProblem,
                actions, error);
        card.getStyleClass().add("enroll-card");
        card.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(new StackPane(card));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        StackPane.setMargin(card, new Insets(24));
        root.getChildren().add(scroll);
    }

    private static Label fieldLabel(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        // Grid columns would otherwise shrink the names to "..." beside a long fingerprint.
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (target != null) {
            label.setLabelFor(target);
        }
        return label;
    }

    private static Label value(String id, String accessible, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(Bindings.concat(accessible, ": ", text));
        return label;
    }

    private static Label errorLine(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("error-line");
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
