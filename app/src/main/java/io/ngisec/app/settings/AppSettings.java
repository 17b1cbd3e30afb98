package io.ngisec.app.settings;

import io.ngisec.app.theme.ThemeMode;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.SettingsTable;
import io.ngisec.client.store.StoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's settings, typed, in the home's settings table (so they follow the home, not the OS
 * user): keys {@value #DOWNLOAD_FOLDER}, {@value #AUDIO_INPUT}, {@value #AUDIO_OUTPUT},
 * {@value #THEME}, {@value #START_ON_LOGIN}. A value that is missing or does not parse reads as
 * its default. Every method touches the database: call off the FX thread. Thread safe.
 */
public final class AppSettings {

    /** Where received files are saved (absolute path); default: the home's {@code downloads/}. */
    public static final String DOWNLOAD_FOLDER = "app.downloadFolder";
    /** The call's audio input in {@code --in} syntax: {@code default}, a device name, {@code tone}, {@code none}. */
    public static final String AUDIO_INPUT = "app.audioInput";
    /** The call's audio output in {@code --out} syntax: {@code default}, a device name, {@code none}. */
    public static final String AUDIO_OUTPUT = "app.audioOutput";
    /** {@code system}, {@code light} or {@code dark}; default system. */
    public static final String THEME = "app.theme";
    /** {@code true} or {@code false}; default false. */
    public static final String START_ON_LOGIN = "app.startOnLogin";

    /** The audio value meaning the system's default device. */
    public static final String SYSTEM_DEFAULT = "default";

    private final PeerDatabase database;
    private final Path defaultDownloads;

    /** Settings in {@code database}; {@code defaultDownloads} until a download folder is set. */
    public AppSettings(PeerDatabase database, Path defaultDownloads) {
        this.database = Objects.requireNonNull(database, "database");
        this.defaultDownloads = Objects.requireNonNull(defaultDownloads, "defaultDownloads");
    }

    /** Where files go until the user chooses a folder (the home's {@code downloads/}). */
    public Path defaultDownloadFolder() {
        return defaultDownloads;
    }

    public Path downloadFolder() throws StoreException {
        return read(DOWNLOAD_FOLDER).flatMap(AppSettings::path).orElse(defaultDownloads);
    }

    /** Stores {@code folder} made absolute. */
    public void setDownloadFolder(Path folder) throws StoreException {
        write(DOWNLOAD_FOLDER, folder.toAbsolutePath().normalize().toString());
    }

    /** The audio input; {@value #SYSTEM_DEFAULT} unless one was chosen. */
    public String audioInput() throws StoreException {
        return read(AUDIO_INPUT).filter(v -> !v.isBlank()).orElse(SYSTEM_DEFAULT);
    }

    public void setAudioInput(String spec) throws StoreException {
        write(AUDIO_INPUT, Objects.requireNonNull(spec, "spec"));
    }

    /** The audio output; {@value #SYSTEM_DEFAULT} unless one was chosen. */
    public String audioOutput() throws StoreException {
        return read(AUDIO_OUTPUT).filter(v -> !v.isBlank()).orElse(SYSTEM_DEFAULT);
    }

    public void setAudioOutput(String spec) throws StoreException {
        write(AUDIO_OUTPUT, Objects.requireNonNull(spec, "spec"));
    }

    public ThemeMode theme() throws StoreException {
        return read(THEME).flatMap(ThemeMode::ofToken).orElse(ThemeMode.SYSTEM);
    }

    public void setTheme(ThemeMode mode) throws StoreException {
        write(THEME, mode.token());
    }

    /** Whether the app should start when the user logs in; false unless turned on. */
    public boolean startOnLogin() throws StoreException {
        return read(START_ON_LOGIN).map("true"::equals).orElse(false);
    }

    public void setStartOnLogin(boolean on) throws StoreException {
        write(START_ON_LOGIN, Boolean.toString(on));
    }

    private Optional<String> read(String key) throws StoreException {
        return database.transaction(c -> SettingsTable.get(c, key));
    }

    private void write(String key, String value) throws StoreException {
        database.transaction(c -> {
            SettingsTable.put(c, key, value);
            return null;
        });
    }

    private static Optional<Path> path(String value) {
        try {
            return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
