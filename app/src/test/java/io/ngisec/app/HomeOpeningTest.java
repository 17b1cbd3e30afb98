package io.ngisec.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.home.HomeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeOpeningTest {

    @TempDir
    Path dir;

    @Test
    void theShellTakesTheHomeOpenedEarlyForItsFolder() throws Exception {
        Path home = dir.resolve("home");
        HomeOpening.startEarly(home);
        HomeOpening.Opened opened = HomeOpening.take(home);
        try {
            assertThat(opened.stored()).as("a new home holds no device yet").isEmpty();
            assertThat(opened.locked()).isFalse();
            assertThat(Files.isDirectory(home)).isTrue();
        } finally {
            opened.home().close();
        }
        // Taken once: a second take opens the home anew (the first is closed).
        HomeOpening.take(home).home().close();
    }

    @Test
    void anEarlyOpeningOfAnotherFolderIsNotUsed() throws Exception {
        HomeOpening.startEarly(dir.resolve("elsewhere"));
        Path home = dir.resolve("home");
        HomeOpening.Opened opened = HomeOpening.take(home);
        opened.home().close();
        assertThat(Files.isDirectory(home)).isTrue();
    }

    @Test
    void aFailedEarlyOpeningReachesTheShellAsItsOneLineError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "not a home");
        HomeOpening.startEarly(notAFolder);
        assertThatThrownBy(() -> HomeOpening.take(notAFolder)).isInstanceOf(HomeException.class);
    }
}
