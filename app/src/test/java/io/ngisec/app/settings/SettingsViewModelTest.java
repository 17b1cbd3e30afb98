package io.ngisec.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.theme.ThemeMode;
import io.ngisec.client.audio.AudioDevice;
import io.ngisec.client.audio.AudioException;
import io.ngisec.client.store.PeerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final PeerDatabase database = PeerDatabase.inMemory("settings-vm-" + UUID.randomUUID());
    private final List<ThemeMode> applied = new ArrayList<>();
    private SettingsViewModel.DeviceList devices = () -> List.of(
            new AudioDevice("default [default]", "ALSA default", true, true),
            new AudioDevice("Speakers [hw:0,0]", "HDA", false, true));

    SettingsViewModelTest() throws Exception {
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SettingsViewModel model(LoginStart start) {
        return new SettingsViewModel(new AppSettings(database, dir.resolve("downloads")), () -> devices.list(), start,
                applied::add, Runnable::run, Runnable::run);
    }

    private LoginStart linux() {
        return LoginStart.of("Linux", Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()), dir,
                Optional.of(List.of("/usr/bin/ngisec-app")));
    }

    @Test
    void loadingListsTheDevicesBehindSystemDefaultAndAppliesTheStoredTheme() throws Exception {
        new AppSettings(database, dir).setTheme(ThemeMode.DARK);
        SettingsViewModel model = model(linux());

        model.load();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.inputs()).containsExactly("default", "default [default]");
        assertThat(model.outputs()).containsExactly("default", "default [default]", "Speakers [hw:0,0]");
        assertThat(model.inputProperty().get()).isEqualTo("default");
        assertThat(SettingsViewModel.label("default")).isEqualTo("System default");
        assertThat(model.downloadFolderProperty().get()).isEqualTo(dir.resolve("downloads").toString());
        assertThat(model.themeProperty().get()).isEqualTo(ThemeMode.DARK);
        assertThat(applied).containsExactly(ThemeMode.DARK);
        assertThat(model.startOnLoginProperty().get()).isFalse();
    }

    @Test
    void choicesAreSavedAndTheThemeAppliesAtOnce() throws Exception {
        SettingsViewModel model = model(linux());
        model.load();

        model.chooseOutput("Speakers [hw:0,0]");
        model.chooseDownloadFolder(dir.resolve("incoming"));
        model.chooseTheme(ThemeMode.LIGHT);

        AppSettings stored = new AppSettings(database, dir);
        assertThat(stored.audioOutput()).isEqualTo("Speakers [hw:0,0]");
        assertThat(stored.downloadFolder()).isEqualTo(dir.resolve("incoming"));
        assertThat(stored.theme()).isEqualTo(ThemeMode.LIGHT);
        assertThat(applied).containsExactly(ThemeMode.SYSTEM, ThemeMode.LIGHT);
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aDeviceChosenEarlierStaysListedWhileUnplugged() throws Exception {
        new AppSettings(database, dir).setAudioInput("USB Headset");
        SettingsViewModel model = model(linux());

        model.load();

        assertThat(model.inputs()).containsExactly("default", "default [default]", "USB Headset");
        assertThat(model.inputProperty().get()).isEqualTo("USB Headset");
    }

    @Test
    void startOnLoginWritesTheEntryAndTheSettingAndOffRemovesBoth() throws Exception {
        LoginStart start = linux();
        SettingsViewModel model = model(start);
        model.load();

        model.setStartOnLogin(true);

        assertThat(Files.isRegularFile(start.entry().orElseThrow())).isTrue();
        assertThat(new AppSettings(database, dir).startOnLogin()).isTrue();
        assertThat(model(start)).satisfies(again -> {
            again.load();
            assertThat(again.startOnLoginProperty().get()).isTrue();
        });

        model.setStartOnLogin(false);

        assertThat(Files.exists(start.entry().orElseThrow())).isFalse();
        assertThat(new AppSettings(database, dir).startOnLogin()).isFalse();
    }

    @Test
    void startOnLoginThatCannotBeWrittenGoesBackAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("config"), "a file where the folder should be");
        SettingsViewModel model = model(linux());
        model.load();

        model.setStartOnLogin(true);

        assertThat(model.startOnLoginProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Cannot change start on login: ");
        assertThat(new AppSettings(database, dir).startOnLogin()).isFalse();
    }

    @Test
    void whereItIsNotSupportedTheSwitchExplainsAndDoesNothing() {
        SettingsViewModel model = model(LoginStart.of("Mac OS X", Map.of(), dir, Optional.of(List.of("x"))));
        model.load();

        model.setStartOnLogin(true);

        assertThat(model.startOnLoginSupported()).isFalse();
        assertThat(model.startOnLoginHint()).isEqualTo("Start on login is available on Linux only for now");
        assertThat(model.startOnLoginProperty().get()).isFalse();
    }

    @Test
    void noSoundSystemLeavesSystemDefaultAndSaysWhy() {
        devices = () -> {
            throw new AudioException(AudioException.Reason.NO_DEVICE, "listing audio devices timed out");
        };
        SettingsViewModel model = model(linux());

        model.load();

        assertThat(model.inputs()).containsExactly("default");
        assertThat(model.messageProperty().get()).isEqualTo("listing audio devices timed out");
    }
}
