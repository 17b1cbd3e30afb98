package io.ngisec.app.directory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.ngisec.app.service.Colleague;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The directory: a search field over the list of colleagues, each row with its actions; the
 * same actions on the selected row's context menu (mouse or the keyboard's menu key), Enter
 * runs the first enabled one.
 */
public final class DirectoryView {

    private final DirectoryViewModel model;
    private final VBox root = new VBox(8);

    public DirectoryView(DirectoryViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        CustomTextField search = new CustomTextField();
        search.setId("searchField");
        search.setPromptText("Search colleagues");
        search.setAccessibleText("Search colleagues");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("directorySummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryProperty());
        summary.accessibleTextProperty().bind(model.summaryProperty());

        ListView<Colleague> list = new ListView<>(model.colleagues());
        list.setId("directoryList");
        list.setAccessibleText("Colleagues");
        list.setCellFactory(v -> new ColleagueCell(model));
        list.setPlaceholder(new Label("No colleagues to show"));
        VBox.setVgrow(list, Priority.ALWAYS);

        ContextMenu menu = new ContextMenu();
        list.setContextMenu(menu);
        menu.setOnShowing(e -> fillMenu(menu, list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            Colleague selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                for (ContactAction action : ContactAction.values()) {
                    if (model.perform(action, selected)) {
                        break;
                    }
                }
                e.consume();
            }
        });

        root.setPadding(new Insets(12));
        root.getChildren().addAll(new HBox(8, search), summary, list);
    }

    private void fillMenu(ContextMenu menu, Colleague colleague) {
        menu.getItems().clear();
        if (colleague == null) {
            return;
        }
        for (ContactAction action : ContactAction.values()) {
            ActionState state = model.state(action, colleague);
            MenuItem item = new MenuItem(state.enabled() ? action.label() : action.label() + " (" + state.tooltip() + ")",
                    new FontIcon(action.icon()));
            item.setDisable(!state.enabled());
            item.setOnAction(e -> model.perform(action, colleague));
            menu.getItems().add(item);
        }
    }
}
