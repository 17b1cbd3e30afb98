package io.ngisec.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginStartTest {

    private static final Optional<List<String>> COMMAND =
            Optional.of(List.of("/opt/ngisec/bin/NGISec Communicator", "--home", "/home/a/.ngisec"));

    @TempDir
    Path dir;

    @Test
    void onLinuxTurningItOnWritesAnXdgAutostartEntryAndOffRemovesIt() throws Exception {
        Path config = dir.resolve("config");
        LoginStart start = LoginStart.of("Linux", Map.of("XDG_CONFIG_HOME", config.toString()), dir.resolve("home"), COMMAND);
        Path entry = config.resolve("autostart").resolve("ngisec-communicator.desktop");

        assertThat(start.supported()).isTrue();
        assertThat(start.enabled()).isFalse();
        start.set(true);

        assertThat(start.enabled()).isTrue();
        assertThat(Files.readAllLines(entry)).contains("[Desktop Entry]", "Type=Application", "Name=NGISec Communicator",
                "Exec=\"/opt/ngisec/bin/NGISec Communicator\" --home /home/a/.ngisec");
        assertThat(Files.list(entry.getParent())).containsExactly(entry);

        start.set(false);

        assertThat(Files.exists(entry)).isFalse();
        assertThat(start.enabled()).isFalse();
        start.set(false); // already off: nothing to do, no error
    }

    @Test
    void withoutXdgConfigHomeTheEntryGoesUnderDotConfig() {
        LoginStart start = LoginStart.of("Linux", Map.of("XDG_CONFIG_HOME", "relative/is/ignored"), dir, COMMAND);

        assertThat(start.entry()).contains(dir.resolve(".config/autostart/ngisec-communicator.desktop"));
    }

    @Test
    void elsewhereItIsNotSupportedAndSaysWhy() {
        LoginStart start = LoginStart.of("Windows 11", Map.of(), dir, COMMAND);

        assertThat(start.supported()).isFalse();
        assertThat(start.enabled()).isFalse();
        assertThat(start.unsupportedReason()).isEqualTo("Start on login is available on Linux only for now");
        assertThatThrownBy(() -> start.set(true)).isInstanceOf(IOException.class);
    }

    @Test
    void execArgumentsAreQuotedAndEscapedAsTheDesktopEntrySpecSays() {
        assertThat(LoginStart.quote("/usr/bin/java")).isEqualTo("/usr/bin/java");
        assertThat(LoginStart.quote("a b")).isEqualTo("\"a b\"");
        assertThat(LoginStart.quote("50%")).isEqualTo("50%%");
        assertThat(LoginStart.quote("$HOME")).isEqualTo("\"\\\\$HOME\"");
        assertThat(LoginStart.quote("")).isEqualTo("\"\"");
    }
}
