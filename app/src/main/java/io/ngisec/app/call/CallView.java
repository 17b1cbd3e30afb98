package io.ngisec.app.call;

import atlantafx.base.theme.Styles;
import io.ngisec.app.service.AudioChoice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The call panel beside the directory, hidden while there is no call: who and what happens, then
 * accept and decline (incoming), mute and hang up (ringing out, in the call), the end's reason;
 * microphone and speaker choice with level meters; the live quality while active.
 *
 * <p>Keyboard: when a call rings in, focus moves to Accept; when one is placed, to Hang up. With
 * focus in the panel, Enter accepts a ringing call (Space presses the focused button as anywhere)
 * and Esc declines, cancels or hangs up, or dismisses an ended call's line. Esc acts only inside
 * the panel, so that Esc elsewhere (a search field, a dialog) never ends a call by surprise.
 */
public final class CallView {

    private final CallViewModel model;
    private final VBox root = new VBox(12);
    private final Button accept = new Button("Accept", new FontIcon(Feather.PHONE));
    private final Button hangUp = new Button("Hang up", new FontIcon(Feather.PHONE_OFF));

    public CallView(CallViewModel model) {
        this.model = model;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.setId("callPanel");
        root.getStyleClass().add("call-panel");
        root.setAccessibleText("Call");
        root.visibleProperty().bind(model.phaseProperty().isNotEqualTo(CallPhase.IDLE));
        root.managedProperty().bind(root.visibleProperty());
        root.getChildren().addAll(header(), incomingButtons(), callButtons(), endLine(), audio(), quality());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        model.phaseProperty().addListener((o, was, now) -> {
            if (now == CallPhase.INCOMING) {
                accept.requestFocus();
            } else if (now == CallPhase.PLACING) {
                hangUp.requestFocus();
            }
        });
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            model.escape();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && model.phaseProperty().get() == CallPhase.INCOMING) {
            model.accept();
            e.consume();
        }
    }

    private Node header() {
        FontIcon icon = new FontIcon(Feather.PHONE_CALL);
        icon.getStyleClass().add("call-icon");
        Label peer = label("callPeer", model.peerProperty(), "Calling with");
        peer.getStyleClass().add(Styles.TITLE_3);
        Label headline = label("callHeadline", model.headlineProperty(), "Call status");
        headline.getStyleClass().add(Styles.TEXT_MUTED);
        headline.setWrapText(true);
        Label duration = label("callDuration", model.durationProperty(), "Call duration");
        duration.getStyleClass().add("call-duration");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox who = new VBox(2, peer, headline);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox header = new HBox(10, icon, who, duration);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node incomingButtons() {
        accept.setId("acceptCall");
        accept.getStyleClass().add(Styles.SUCCESS);
        accept.setAccessibleText("Accept the call");
        accept.setOnAction(e -> model.accept());
        Button decline = new Button("Decline", new FontIcon(Feather.PHONE_OFF));
        decline.setId("declineCall");
        decline.getStyleClass().add(Styles.DANGER);
        decline.setAccessibleText("Decline the call");
        decline.setOnAction(e -> model.decline());
        HBox box = row(accept, decline);
        show(box, model.phaseProperty().isEqualTo(CallPhase.INCOMING));
        return box;
    }

    private Node callButtons() {
        ToggleButton mute = new ToggleButton("Mute", new FontIcon(Feather.MIC_OFF));
        mute.setId("muteCall");
        mute.setAccessibleText("Mute the microphone");
        mute.selectedProperty().addListener((o, was, now) -> model.setMuted(now));
        model.mutedProperty().addListener((o, was, now) -> mute.setSelected(now));
        mute.disableProperty().bind(model.phaseProperty().isNotEqualTo(CallPhase.ACTIVE));
        hangUp.setId("hangUpCall");
        hangUp.getStyleClass().add(Styles.DANGER);
        hangUp.textProperty().bind(Bindings.when(model.phaseProperty().isEqualTo(CallPhase.ACTIVE)
                .or(model.phaseProperty().isEqualTo(CallPhase.CONNECTING))).then("Hang up").otherwise("Cancel"));
        hangUp.accessibleTextProperty().bind(hangUp.textProperty());
        hangUp.setOnAction(e -> model.hangUp());
        HBox box = row(mute, hangUp);
        show(box, model.phaseProperty().isNotEqualTo(CallPhase.INCOMING)
                .and(model.phaseProperty().isNotEqualTo(CallPhase.ENDED)));
        return box;
    }

    private Node endLine() {
        Label message = label("callEnd", model.endMessageProperty(), "How the call ended");
        message.setWrapText(true);
        message.getStyleClass().add("call-end");
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("dismissCall");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText("Dismiss");
        close.setOnAction(e -> model.dismiss());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, message, spacer, close);
        box.setAlignment(Pos.CENTER_LEFT);
        show(box, model.phaseProperty().isEqualTo(CallPhase.ENDED));
        return box;
    }

    private Node audio() {
        ComboBox<AudioChoice> in = combo("audioInput", "Microphone", model.inputs());
        in.valueProperty().bindBidirectional(model.inputProperty());
        ComboBox<AudioChoice> out = combo("audioOutput", "Speaker", model.outputs());
        out.valueProperty().bindBidirectional(model.outputProperty());
        ProgressBar inLevel = meter("inputLevel", "Microphone level");
        inLevel.progressProperty().bind(model.inputLevelProperty());
        ProgressBar outLevel = meter("outputLevel", "Speaker level");
        outLevel.progressProperty().bind(model.outputLevelProperty());
        GridPane grid = grid();
        grid.addRow(0, caption("Microphone"), in);
        grid.add(inLevel, 1, 1);
        grid.addRow(2, caption("Speaker"), out);
        grid.add(outLevel, 1, 3);
        Label note = label("audioNote", model.audioNoteProperty(), "Audio note");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(6, grid, note);
        show(box, model.phaseProperty().isNotEqualTo(CallPhase.ENDED));
        return box;
    }

    private Node quality() {
        Label path = label("callPath", Bindings.createStringBinding(() -> model.pathProperty().get().label(),
                model.pathProperty()), "Path");
        path.getStyleClass().add("path-badge");
        model.pathProperty().addListener((o, was, now) -> badge(path, now));
        badge(path, model.pathProperty().get());
        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, caption("Quality (MOS)"), label("callMos", model.mosProperty(), "Estimated MOS"));
        grid.addRow(row++, caption("Round trip"), label("callRtt", model.rttProperty(), "Round-trip time"));
        grid.addRow(row++, caption("Jitter"), label("callJitter", model.jitterProperty(), "Jitter"));
        grid.addRow(row++, caption("Loss"), label("callLoss", model.lossProperty(), "Loss"));
        grid.addRow(row++, caption("Jitter buffer"), label("callBuffer", model.bufferProperty(), "Jitter buffer delay"));
        grid.addRow(row++, caption("Path"), path);
        grid.addRow(row++, caption("Class"), label("callQos", model.qosProperty(), "QoS class and DSCP"));
        grid.addRow(row++, caption("Cipher"), wrapping(label("callCipher", model.cipherProperty(), "Cipher")));
        grid.addRow(row, caption("Codec"), wrapping(label("callCodec", model.codecProperty(), "Codec")));
        Label title = new Label("Live quality");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, title, grid);
        show(box, model.phaseProperty().isEqualTo(CallPhase.ACTIVE));
        return box;
    }

    private static void badge(Label path, PathBadge badge) {
        path.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        if (badge == PathBadge.DIRECT_HOST || badge == PathBadge.DIRECT_NAT) {
            path.getStyleClass().add(Styles.SUCCESS);
        } else if (badge == PathBadge.RELAYED) {
            path.getStyleClass().add(Styles.WARNING);
        }
    }

    private static Label label(String id, ObservableStringValue text, String accessible) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.accessibleTextProperty().bind(Bindings.concat(accessible, ": ", text));
        return label;
    }

    /** Long values (the cipher suite) wrap rather than end in an ellipsis. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static ComboBox<AudioChoice> combo(String id, String accessible, javafx.collections.ObservableList<AudioChoice> items) {
        ComboBox<AudioChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.setAccessibleText(accessible);
        box.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static ProgressBar meter(String id, String accessible) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id);
        bar.setAccessibleText(accessible);
        bar.getStyleClass().add("level-meter");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setFocusTraversable(false);
        return bar;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        return grid;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void show(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
