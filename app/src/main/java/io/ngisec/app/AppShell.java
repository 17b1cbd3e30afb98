package io.ngisec.app;

import atlantafx.base.theme.Styles;
import io.ngisec.app.call.CallActions;
import io.ngisec.app.call.CallView;
import io.ngisec.app.call.CallViewModel;
import io.ngisec.app.call.Delay;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.enroll.EnrollView;
import io.ngisec.app.enroll.EnrollViewModel;
import io.ngisec.app.main.Workbench;
import io.ngisec.app.probe.PulseProbe;
import io.ngisec.app.tour.Tour;
import io.ngisec.app.transfer.FilePicker;
import io.ngisec.app.transfer.FolderOpener;
import io.ngisec.app.tray.TrayStatus;
import io.ngisec.app.service.HomeEnrollment;
import io.ngisec.app.service.HomeUnlock;
import io.ngisec.app.service.CallAudio;
import io.ngisec.app.settings.AppSettings;
import io.ngisec.app.service.OnlinePeerCalls;
import io.ngisec.app.service.PeerOptions;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.theme.Themes;
import io.ngisec.app.unlock.UnlockView;
import io.ngisec.app.unlock.UnlockViewModel;
import io.ngisec.client.home.HomeException;
import io.ngisec.client.home.PeerHome;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The one window and which screen it shows: a spinner while the home opens (off the FX thread),
 * then enrollment for a fresh home, the passphrase prompt for keys saved with one, or the main
 * view; after enrolling or unlocking, the main view. Owns the services it starts and closes them with {@link #close()}. FX thread only.
 */
final class AppShell {

    static final String TITLE = "NGISec Communicator";
    private static final Logger LOG = Logger.getLogger(AppShell.class.getName());

    private final Stage stage;
    private final AppArguments arguments;
    private final Path home;
    private final Scene scene;
    private final Optional<PulseProbe> probe;
    private HomeEnrollment enrollment;
    private HomeUnlock unlock;
    private volatile Workbench workbench;
    private OnlinePeerCalls calls;
    private ToolSections tools;
    private TrayStatus tray;
    private EnrollViewModel enrollModel;
    private Optional<String> openedInvite = Optional.empty();
    private boolean closed;

    AppShell(Stage stage, AppArguments arguments, Optional<PulseProbe> probe) {
        this.stage = stage;
        this.arguments = arguments;
        this.probe = probe;
        this.home = arguments.home().orElseGet(PeerHome::defaultDirectory);
        this.scene = new Scene(waiting("Opening " + home + " ..."), 960, 640);
        Themes.style(scene);
    }

    void show() {
        stage.setTitle(TITLE);
        stage.getIcons().setAll(WindowIcons.all());
        stage.setScene(scene);
        stage.show();
        Thread.ofVirtual().name("app-open-home").start(this::openHome);
    }

    /** Closes whatever service runs; blocks until the device is offline. */
    void close() {
        closed = true;
        if (enrollment != null) {
            enrollment.close();
        }
        if (unlock != null) {
            unlock.close();
        }
        if (tray != null) {
            tray.close();
        }
        if (tools != null) {
            tools.close();
        }
        if (calls != null) {
            calls.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    private void openHome() {
        try {
            HomeOpening.Opened opened = HomeOpening.take(home);
            Platform.runLater(() -> {
                if (closed) {
                    opened.home().close();
                } else if (opened.locked()) {
                    opened.home().close();
                    showUnlock(SelfIdentity.of(opened.stored().get()));
                } else if (opened.stored().isPresent()) {
                    arguments.invite().ifPresent(i -> LOG.info("this home already holds an enrolled device; the invite is not used"));
                    showMain(opened.home(), SelfIdentity.of(opened.stored().get()));
                } else {
                    opened.home().close();
                    showEnrollment();
                }
            });
        } catch (HomeException e) {
            Platform.runLater(() -> scene.setRoot(failed(e.getMessage())));
        }
    }

    private void showUnlock(SelfIdentity self) {
        unlock = new HomeUnlock(home, Platform::runLater);
        UnlockViewModel model = new UnlockViewModel(unlock, self.user() + " / " + self.deviceName());
        model.setOnUnlocked(identity -> unlock.takeHome().ifPresent(h -> showMain(h, identity)));
        stage.setTitle(TITLE + " - unlock");
        scene.setRoot(new UnlockView(model).root());
    }

    private void showEnrollment() {
        enrollment = new HomeEnrollment(home, Platform::runLater);
        EnrollViewModel model = new EnrollViewModel(enrollment);
        enrollModel = model;
        openedInvite.or(arguments::invite).ifPresent(model.inviteProperty()::set);
        model.setOnEnrolled(identity -> enrollment.takeHome().ifPresent(h -> showMain(h, identity)));
        stage.setTitle(TITLE + " - enroll this device");
        scene.setRoot(new EnrollView(model).root());
    }

    /** An invite link opened while the app runs (macOS): into the enrollment screen if that is where the app is. */
    void openInvite(String link) {
        if (workbench != null || unlock != null) {
            LOG.info("this device is enrolled already; the opened invite link is not used");
        } else if (enrollModel != null) {
            enrollModel.inviteProperty().set(link);
        } else {
            openedInvite = Optional.of(link);
        }
    }

    private void showMain(PeerHome opened, SelfIdentity self) {
        enrollModel = null;
        if (closed) {
            opened.close();
            return;
        }
        Optional<Tour> tour = Tour.requested(System.getenv());
        calls = new OnlinePeerCalls(() -> Optional.ofNullable(workbench).flatMap(w -> w.service().onlinePeer()),
                new CallAudio(Optional.of(new AppSettings(opened.database(), opened.downloads()))), Platform::runLater);
        CallViewModel callModel = new CallViewModel(calls, Delay.fx());
        workbench = new Workbench(opened, self, h -> PeerOptions.withCalls(PeerOptions.declining(notice -> LOG.info(notice)),
                calls.audio(), calls.listener()), ContactActions.PENDING.with(ContactAction.CALL, new CallActions(callModel)),
                tour.map(Tour::picker).orElse(FilePicker.SYSTEM), FolderOpener.desktop(), () -> stage, Platform::runLater);
        workbench.showCallPanel(new CallView(callModel).root());
        workbench.start();
        stage.setTitle(TITLE + " - " + self.user() + " / " + self.deviceName());
        tools = new ToolSections(workbench.view(), workbench.service(), opened);
        scene.setRoot(workbench.root());
        probe.ifPresent(p -> p.watch(workbench.service()));
        tray = TrayStatus.start(workbench.view().status(), this::bringForward, Platform::exit);
        tour.ifPresent(t -> t.start(stage, workbench));
    }

    private void bringForward() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    private static Parent waiting(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setAccessibleText(text);
        VBox box = new VBox(12, spinner, new Label(text));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return new StackPane(box);
    }

    private static Parent failed(String message) {
        Label label = new Label(message);
        label.setId("fatalError");
        label.setWrapText(true);
        label.getStyleClass().add(Styles.DANGER);
        label.setAccessibleText(message);
        StackPane pane = new StackPane(label);
        pane.setPadding(new javafx.geometry.Insets(24));
        return pane;
    }
}
