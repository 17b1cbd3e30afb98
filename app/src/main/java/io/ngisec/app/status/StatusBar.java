package io.ngisec.app.status;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's bottom line: this device (user / device), its policy server, and the short CA fingerprint. */
public final class StatusBar {

    private final HBox root = new HBox();

    public StatusBar(StatusViewModel model) {
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(
                label("identityStatus", Feather.USER, model.identityProperty(), "This device"),
                label("serverStatus", Feather.SERVER, model.serverProperty(), "Policy server"),
                label("caStatus", Feather.SHIELD, model.caProperty(), "Organization CA fingerprint"),
                paths(model),
                nat(model));
    }

    private static Label nat(StatusViewModel model) {
        Label label = label("natStatus", Feather.GLOBE, model.natProperty(), "Network");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.natDetailProperty());
        label.setTooltip(tip);
        return label;
    }

    /** The path line wears the relayed or direct badge from icons/badges (a plain icon without sessions). */
    private static Label paths(StatusViewModel model) {
        Label label = label("pathStatus", Feather.SHUFFLE, model.pathsProperty().map(PathSummary::text), "Peer sessions");
        label.setMinWidth(Region.USE_PREF_SIZE);
        model.pathsProperty().subscribe(now -> label.setGraphic(now.badge().isEmpty()
                ? new FontIcon(Feather.SHUFFLE) : StatusBadges.image(now.badge(), 16)));
        return label;
    }

    public Parent root() {
        return root;
    }

    private static Label label(String id, Feather icon,
            javafx.beans.value.ObservableValue<String> text, String accessible) {
        Label label = new Label(null, new FontIcon(icon));
        label.setId(id);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(accessible, ": ", text));
        return label;
    }
}
