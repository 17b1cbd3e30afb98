package io.ngisec.app.settings;

import io.ngisec.app.theme.ThemeMode;
import io.ngisec.client.audio.AudioDevice;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings screen's state: audio input and output ({@value AppSettings#SYSTEM_DEFAULT} or a
 * device), download folder, theme (applied at once) and start on login, loaded from and saved to
 * {@link AppSettings} on the worker; {@link #messageProperty()} says what went wrong, one line.
 * Use on the FX thread (the {@code ui} executor brings results back to it).
 */
public final class SettingsViewModel {

    /** Lists the machine's audio devices; may block (bounded by the client's audio timeout). */
    @FunctionalInterface
    public interface DeviceList {
        List<AudioDevice> list() throws AudioException;
    }

    private final AppSettings settings;
    private final DeviceList devices;
    private final LoginStart loginStart;
    private final Consumer<ThemeMode> themes;
    private final Executor worker;
    private final Executor ui;

    private final ObservableList<String> inputs = FXCollections.observableArrayList(AppSettings.SYSTEM_DEFAULT);
    private final ObservableList<String> outputs = FXCollections.observableArrayList(AppSettings.SYSTEM_DEFAULT);
    private final ReadOnlyStringWrapper input = new ReadOnlyStringWrapper(this, "input", AppSettings.SYSTEM_DEFAULT);
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", AppSettings.SYSTEM_DEFAULT);
    private final ReadOnlyStringWrapper downloadFolder = new ReadOnlyStringWrapper(this, "downloadFolder", "");
    private final ReadOnlyObjectWrapper<ThemeMode> theme = new ReadOnlyObjectWrapper<>(this, "theme", ThemeMode.SYSTEM);
    private final ReadOnlyBooleanWrapper startOnLogin = new ReadOnlyBooleanWrapper(this, "startOnLogin");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param themes applies a theme (on the FX thread), e.g. {@code Themes::use}
     * @param worker runs database, file and device work
     * @param ui runs on the FX thread (Platform::runLater)
     */
    public SettingsViewModel(AppSettings settings, DeviceList devices, LoginStart loginStart, Consumer<ThemeMode> themes,
            Executor worker, Executor ui) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.loginStart = Objects.requireNonNull(loginStart, "loginStart");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** What the settings screen shows once loaded, read on the worker in one go. */
    private record Loaded(List<String> inputs, List<String> outputs, String input, String output, Path folder,
            ThemeMode theme, boolean startOnLogin, String problem) {
    }

    /** Reads the settings and lists the devices; applies the stored theme once read. */
    public void load() {
        worker.execute(() -> {
            List<String> in = new ArrayList<>(List.of(AppSettings.SYSTEM_DEFAULT));
            List<String> out = new ArrayList<>(List.of(AppSettings.SYSTEM_DEFAULT));
            String problem = "";
            try {
                for (AudioDevice d : devices.list()) {
                    if (d.capture()) {
                        in.add(d.name());
                    }
                    if (d.playback()) {
                        out.add(d.name());
                    }
                }
            } catch (AudioException e) {
                problem = e.getMessage();
            }
            try {
                Loaded now = new Loaded(in, out, settings.audioInput(), settings.audioOutput(), settings.downloadFolder(),
                        settings.theme(), settings.startOnLogin() && loginStart.enabled(), problem);
                ui.execute(() -> show(now));
            } catch (StoreException e) {
                ui.execute(() -> message.set("Cannot read the settings: " + e.getMessage()));
            }
        });
    }

    private void show(Loaded now) {
        inputs.setAll(now.inputs());
        outputs.setAll(now.outputs());
        // A device chosen before and absent now stays listed: it may be unplugged for a moment.
        if (!inputs.contains(now.input())) {
            inputs.add(now.input());
        }
        if (!outputs.contains(now.output())) {
            outputs.add(now.output());
        }
        input.set(now.input());
        output.set(now.output());
        downloadFolder.set(now.folder().toString());
        theme.set(now.theme());
        themes.accept(now.theme());
        startOnLogin.set(now.startOnLogin());
        message.set(now.problem());
        loaded.set(true);
    }

    public void chooseInput(String spec) {
        if (spec != null && !spec.equals(input.get())) {
            input.set(spec);
            save(() -> settings.setAudioInput(spec));
        }
    }

    public void chooseOutput(String spec) {
        if (spec != null && !spec.equals(output.get())) {
            output.set(spec);
            save(() -> settings.setAudioOutput(spec));
        }
    }

    public void chooseDownloadFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        downloadFolder.set(absolute.toString());
        save(() -> settings.setDownloadFolder(absolute));
    }

    /** Applies {@code mode} at once and saves it. */
    public void chooseTheme(ThemeMode mode) {
        if (mode != null && mode != theme.get()) {
            theme.set(mode);
            themes.accept(mode);
            save(() -> settings.setTheme(mode));
        }
    }

    /** Writes or removes the autostart entry, then saves the setting; on failure the switch goes back. */
    public void setStartOnLogin(boolean on) {
        if (on == startOnLogin.get() || !loginStart.supported()) {
            return;
        }
        startOnLogin.set(on);
        worker.execute(() -> {
            try {
                loginStart.set(on);
                settings.setStartOnLogin(on);
                ui.execute(() -> message.set(""));
            } catch (IOException | StoreException e) {
                ui.execute(() -> {
                    startOnLogin.set(!on);
                    message.set("Cannot change start on login: " + e.getMessage());
                });
            }
        });
    }

    /** Whether this system can start the app on login. */
    public boolean startOnLoginSupported() {
        return loginStart.supported();
    }

    /** Why it cannot, for the switch's tooltip; empty when it can. */
    public String startOnLoginHint() {
        return loginStart.supported() ? "Open NGISec Communicator when you log in" : loginStart.unsupportedReason();
    }

    /** How an audio value reads: "System default" or the device's name. */
    public static String label(String spec) {
        return AppSettings.SYSTEM_DEFAULT.equals(spec) ? "System default" : spec;
    }

    public ObservableList<String> inputs() {
        return FXCollections.unmodifiableObservableList(inputs);
    }

    public ObservableList<String> outputs() {
        return FXCollections.unmodifiableObservableList(outputs);
    }

    public ReadOnlyStringProperty inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty downloadFolderProperty() {
        return downloadFolder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ThemeMode> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startOnLoginProperty() {
        return startOnLogin.getReadOnlyProperty();
    }

    /** True once the stored settings are shown. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The last problem, one line; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @FunctionalInterface
    private interface Save {
        void run() throws StoreException;
    }

    private void save(Save write) {
        worker.execute(() -> {
            try {
                write.run();
            } catch (StoreException e) {
                ui.execute(() -> message.set("Cannot save the setting: " + e.getMessage()));
            }
        });
    }
}
