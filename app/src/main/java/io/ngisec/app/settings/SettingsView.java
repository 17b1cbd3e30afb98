package io.ngisec.app.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import io.ngisec.app.theme.ThemeMode;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings screen: a form over the {@link SettingsViewModel}; every change applies and saves at once. */
public final class SettingsView {

    private final SettingsViewModel model;
    private final ScrollPane root = new ScrollPane();

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label title = new Label("Settings", new FontIcon(Feather.SETTINGS));
        title.getStyleClass().add(Styles.TITLE_3);

        ComboBox<String> input = audio("audioInput", "Audio input", model.inputs(), model.inputProperty(), model::chooseInput);
        ComboBox<String> output = audio("audioOutput", "Audio output", model.outputs(), model.outputProperty(), model::chooseOutput);

        TextField folder = new TextField();
        folder.setId("downloadFolder");
        folder.setEditable(false);
        folder.setAccessibleText("Download folder");
        folder.textProperty().bind(model.downloadFolderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose...", new FontIcon(Feather.FOLDER));
        choose.setId("chooseDownloadFolder");
        choose.setAccessibleText("Choose the download folder");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("NGISec Communicator - download folder");
            File current = new File(model.downloadFolderProperty().get());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File picked = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (picked != null) {
                model.chooseDownloadFolder(picked.toPath());
            }
        });

        ComboBox<ThemeMode> theme = new ComboBox<>();
        theme.getItems().setAll(ThemeMode.values());
        theme.setId("themeChoice");
        theme.setAccessibleText("Theme");
        theme.setConverter(converter(m -> switch (m) {
            case SYSTEM -> "Follow the system";
            case LIGHT -> "Light";
            case DARK -> "Dark";
        }));
        theme.setValue(model.themeProperty().get());
        model.themeProperty().addListener((o, was, now) -> theme.setValue(now));
        theme.valueProperty().addListener((o, was, now) -> model.chooseTheme(now));

        ToggleSwitch login = new ToggleSwitch(model.startOnLoginSupported() ? "" : "Not available");
        login.setId("startOnLogin");
        login.setAccessibleText("Start on login");
        login.setSelected(model.startOnLoginProperty().get());
        login.setDisable(!model.startOnLoginSupported());
        model.startOnLoginProperty().addListener((o, was, now) -> login.setSelected(now));
        login.selectedProperty().addListener((o, was, now) -> model.setStartOnLogin(now));
        HBox loginBox = new HBox(login);
        // A disabled control shows no tooltip: the box around it carries it.
        Tooltip.install(loginBox, new Tooltip(model.startOnLoginHint()));

        GridPane form = new GridPane(16, 12);
        int row = 0;
        form.addRow(row++, label("Audio input", input), input);
        form.addRow(row++, label("Audio output", output), output);
        form.addRow(row++, label("Download folder", folder), new HBox(8, folder, choose));
        form.addRow(row++, label("Theme", theme), theme);
        form.addRow(row, label("Start on login", login), loginBox);
        GridPane.setHgrow(folder.getParent(), Priority.ALWAYS);

        Label message = new Label();
        message.setId("settingsMessage");
        message.getStyleClass().add("error-line");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.accessibleTextProperty().bind(model.messageProperty());

        Label note = new Label("Audio choices apply from the next call.");
        note.getStyleClass().add(Styles.TEXT_MUTED);

        VBox box = new VBox(16, title, form, note, message);
        box.setPadding(new Insets(20));
        box.setMaxWidth(760);
        root.setId("settingsView");
        root.setContent(box);
        root.setFitToWidth(true);
    }

    private static ComboBox<String> audio(String id, String name, javafx.collections.ObservableList<String> items,
            ObservableValue<String> value, Consumer<String> choose) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setAccessibleText(name);
        box.setConverter(converter(SettingsViewModel::label));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setValue(value.getValue());
        value.addListener((o, was, now) -> box.setValue(now));
        box.valueProperty().addListener((o, was, now) -> choose.accept(now));
        return box;
    }

    private static Label label(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
