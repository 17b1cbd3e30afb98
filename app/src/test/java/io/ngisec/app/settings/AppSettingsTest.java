package io.ngisec.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.theme.ThemeMode;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.SettingsTable;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    private final PeerDatabase database = PeerDatabase.inMemory("settings-" + UUID.randomUUID());
    private final Path downloads = Path.of("/home/alice/.ngisec/downloads");
    private final AppSettings settings = new AppSettings(database, downloads);

    AppSettingsTest() throws Exception {
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFreshHomeReadsTheDefaults() throws Exception {
        assertThat(settings.downloadFolder()).isEqualTo(downloads);
        assertThat(settings.audioInput()).isEqualTo("default");
        assertThat(settings.audioOutput()).isEqualTo("default");
        assertThat(settings.theme()).isEqualTo(ThemeMode.SYSTEM);
        assertThat(settings.startOnLogin()).isFalse();
    }

    @Test
    void eachSettingIsStoredUnderItsKeyAndReadBackByAnotherInstance() throws Exception {
        settings.setDownloadFolder(Path.of("/tmp/in/../incoming"));
        settings.setAudioInput("USB Headset [plughw:1,0]");
        settings.setAudioOutput("none");
        settings.setTheme(ThemeMode.DARK);
        settings.setStartOnLogin(true);

        AppSettings again = new AppSettings(database, downloads);
        assertThat(again.downloadFolder()).isEqualTo(Path.of("/tmp/incoming"));
        assertThat(again.audioInput()).isEqualTo("USB Headset [plughw:1,0]");
        assertThat(again.audioOutput()).isEqualTo("none");
        assertThat(again.theme()).isEqualTo(ThemeMode.DARK);
        assertThat(again.startOnLogin()).isTrue();
        // The transfers screen reads the folder by key, without this class.
        assertThat(stored("app.downloadFolder")).contains("/tmp/incoming");
        assertThat(stored("app.theme")).contains("dark");
        assertThat(stored("app.startOnLogin")).contains("true");
    }

    private java.util.Optional<String> stored(String key) throws Exception {
        return database.transaction(c -> SettingsTable.get(c, key));
    }

    @Test
    void valuesThatDoNotParseReadAsTheDefault() throws Exception {
        database.transaction(c -> {
            SettingsTable.put(c, AppSettings.THEME, "purple");
            SettingsTable.put(c, AppSettings.START_ON_LOGIN, "yes please");
            SettingsTable.put(c, AppSettings.DOWNLOAD_FOLDER, "");
            return null;
        });

        assertThat(settings.theme()).isEqualTo(ThemeMode.SYSTEM);
        assertThat(settings.startOnLogin()).isFalse();
        assertThat(settings.downloadFolder()).isEqualTo(downloads);
    }
}
