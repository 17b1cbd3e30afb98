package io.ngisec.app.main;

import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.directory.DirectoryView;
import io.ngisec.app.directory.DirectoryViewModel;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.status.ConnectionBadge;
import io.ngisec.app.status.StatusBar;
import io.ngisec.app.status.StatusViewModel;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content, a thin shell: it only lays out the screens (header with the
 * connection badge, the left navigation between {@link Section sections}, Contacts with the
 * directory first, status bar below); each screen has its own ViewModel over the {@link PeerService}.
 */
public final class MainView {

    private final BorderPane root = new BorderPane();
    private final SectionNavigation navigation = new SectionNavigation();
    private final StatusViewModel status;

    public MainView(PeerService service, ContactActions actions) {
        this(service, actions, null);
    }

    /** With {@code workspace} (transfers, conversations) beside the directory; null for none. */
    public MainView(PeerService service, ContactActions actions, javafx.scene.Node workspace) {
        status = new StatusViewModel(service);
        DirectoryViewModel directory = new DirectoryViewModel(service, actions);

        Label title = new Label("NGISec Communicator", new FontIcon(Feather.SHIELD));
        title.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, new ConnectionBadge(status).root());
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);

        root.setId("mainView");
        root.setTop(header);
        Parent directoryView = new DirectoryView(directory).root();
        if (workspace == null) {
            root.setCenter(directoryView);
        } else {
            javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(directoryView, workspace);
            split.setDividerPositions(0.38);
            javafx.scene.control.SplitPane.setResizableWithParent(directoryView, false);
            root.setCenter(split);
        }
        root.setBottom(new StatusBar(status).root());
        installNavigation();
    }

    /** The header's and status bar's model, for what other sections learn (paths, NAT). */
    public StatusViewModel status() {
        return status;
    }

    /** Adds {@code section} to the navigation, after those there already. */
    public void addSection(Section section) {
        navigation.add(section);
    }

    /** Shows the section {@code id} ("contacts" is the directory); false when there is none. */
    public boolean showSection(String id) {
        return navigation.select(id);
    }

    /** What the center holds so far (the directory) becomes the first section, Contacts. */
    private void installNavigation() {
        Node contacts = root.getCenter();
        root.setCenter(navigation.content());
        root.setLeft(navigation.bar());
        navigation.add(new Section("contacts", "Contacts", Feather.USERS, contacts));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && navigation.selectNumber(digit(e.getCode()))) {
                e.consume();
            }
        });
    }

    /** 1 to 9 for the digit keys (row or keypad), else 0. */
    private static int digit(KeyCode code) {
        if (code.compareTo(KeyCode.DIGIT1) >= 0 && code.compareTo(KeyCode.DIGIT9) <= 0) {
            return code.ordinal() - KeyCode.DIGIT0.ordinal();
        }
        if (code.compareTo(KeyCode.NUMPAD1) >= 0 && code.compareTo(KeyCode.NUMPAD9) <= 0) {
            return code.ordinal() - KeyCode.NUMPAD0.ordinal();
        }
        return 0;
    }

    /** Shows {@code panel} (the call screen) at the window's right; it hides itself while there is no call. */
    public void showCallPanel(Parent panel) {
        root.setRight(panel);
    }

    public Parent root() {
        return root;
    }

    /**
     * Styles and lays out {@code node} inside this window's scene, out of sight, then takes it out
     * again: it shares the scene's style cache, so what it resolved serves the next such node.
     */
    void styleOffscreen(Node node) {
        Group holder = new Group(node);
        holder.setManaged(false);
        holder.setMouseTransparent(true);
        holder.setLayoutX(-20_000);
        root.getChildren().add(holder);
        try {
            holder.applyCss();
            holder.layout();
        } finally {
            root.getChildren().remove(holder);
        }
    }
}
