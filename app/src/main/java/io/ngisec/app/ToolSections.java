package io.ngisec.app;

import io.ngisec.app.call.PathBadge;
import io.ngisec.app.diagnostics.DiagLog;
import io.ngisec.app.diagnostics.DiagnosticsReport;
import io.ngisec.app.diagnostics.DiagnosticsSampler;
import io.ngisec.app.diagnostics.DiagnosticsView;
import io.ngisec.app.diagnostics.DiagnosticsViewModel;
import io.ngisec.app.diagnostics.OnlineNetcheck;
import io.ngisec.app.diagnostics.PeerSessionSource;
import io.ngisec.app.main.MainView;
import io.ngisec.app.main.Section;
import io.ngisec.app.service.FirstOnline;
import io.ngisec.app.service.OnlinePeerService;
import io.ngisec.app.settings.AppSettings;
import io.ngisec.app.settings.LoginStart;
import io.ngisec.app.settings.SettingsView;
import io.ngisec.app.settings.SettingsViewModel;
import io.ngisec.app.status.PathSummary;
import io.ngisec.app.status.StatusViewModel;
import io.ngisec.app.theme.Themes;
import io.ngisec.client.audio.AudioDevices;
import io.ngisec.client.home.PeerHome;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Diagnostics and Settings sections of the main window, and what keeps them running (the
 * once-a-second sampler, their workers). Settings load at once, so the stored theme applies at
 * start. Built on the FX thread; {@link #close()} before the service closes the home.
 */
final class ToolSections implements AutoCloseable {

    // Settings are saved in the order they were changed: one thread.
    private final ExecutorService settingsWorker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("app-settings").factory());
    private final ExecutorService diagnosticsWorker = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("app-diagnostics-work").factory());
    private final DiagnosticsSampler sampler;

    ToolSections(MainView main, OnlinePeerService service, PeerHome home) {
        PeerSessionSource sessions = new PeerSessionSource(service::onlinePeer);
        DiagnosticsReport report = new DiagnosticsReport(service.self(), service::status, sessions,
                DiagLog.of(home.database()), Clock.systemUTC());
        DiagnosticsViewModel diagnostics = new DiagnosticsViewModel(new OnlineNetcheck(service::onlinePeer), report,
                diagnosticsWorker, Platform::runLater);
        StatusViewModel status = main.status();
        sampler = new DiagnosticsSampler(sessions, (seconds, live) -> {
            diagnostics.update(seconds, live);
            status.showPaths(PathSummary.of(live.stream()
                    .map(s -> PathBadge.of(s.stats().path().localType(), s.stats().path().remoteType())).toList()));
        }, Platform::runLater);
        diagnostics.natProperty().subscribe(status::showNat);
        // The status bar's NAT line needs a netcheck; run one as soon as the server first answers,
        // as a user would otherwise learn the NAT only by opening Diagnostics.
        FirstOnline.run(service, diagnostics::runNetcheck);
        sampler.start();
        main.addSection(new Section("diagnostics", "Diagnostics", Feather.ACTIVITY, new DiagnosticsView(diagnostics).root()));

        SettingsViewModel settings = new SettingsViewModel(new AppSettings(home.database(), home.downloads()),
                AudioDevices::list, LoginStart.forThisSystem(), Themes::use, settingsWorker, Platform::runLater);
        settings.load();
        main.addSection(new Section("settings", "Settings", Feather.SETTINGS, new SettingsView(settings).root()));
    }

    @Override
    public void close() {
        sampler.close();
        diagnosticsWorker.shutdownNow();
        settingsWorker.shutdown();
        try {
            // A setting being saved is let finish: the database closes right after.
            settingsWorker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
