package io.ngisec.app.status;

import io.ngisec.app.service.ConnectionPhase;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The header's view of the server connection: icon and phase, the last error beside it while not online. */
public final class ConnectionBadge {

    private final HBox root = new HBox(8);

    public ConnectionBadge(StatusViewModel model) {
        FontIcon icon = new FontIcon(Feather.WIFI);
        Label phase = new Label();
        phase.setId("connectionStatus");
        phase.setGraphic(icon);
        phase.textProperty().bind(model.connectionProperty());
        Label error = new Label();
        error.setId("connectionError");
        error.getStyleClass().add("connection-error");
        error.textProperty().bind(model.lastErrorProperty());
        error.setMaxWidth(420);
        error.visibleProperty().bind(model.lastErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.lastErrorProperty());
        error.setTooltip(tip);
        root.setId("connectionBadge");
        root.getStyleClass().add("connection-badge");
        root.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(error, phase);
        root.accessibleTextProperty().bind(Bindings.concat("Policy server: ", model.connectionProperty(), " ",
                model.lastErrorProperty()));
        phase.accessibleTextProperty().bind(root.accessibleTextProperty());
        model.phaseProperty().addListener((o, was, now) -> show(icon, was, now));
        show(icon, null, model.phaseProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void show(FontIcon icon, ConnectionPhase was, ConnectionPhase now) {
        if (was != null) {
            root.getStyleClass().remove(was.name().toLowerCase(Locale.ROOT));
        }
        if (now != null) {
            root.getStyleClass().add(now.name().toLowerCase(Locale.ROOT));
            icon.setIconCode(switch (now) {
                case ONLINE -> Feather.WIFI;
                case CONNECTING, RECONNECTING -> Feather.REFRESH_CW;
                case OFFLINE -> Feather.WIFI_OFF;
            });
        }
    }
}
