package io.ngisec.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.AppUnderTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The app's window carries the app icon in every size the platforms pick from (headless, no server needed). */
class WindowIconTest {

    @Test
    void theWindowHasTheAppIconFrom16To256(@TempDir Path home) throws Exception {
        try (AppUnderTest app = AppUnderTest.launch("--home", home.toString())) {
            List<Double> widths = AppUnderTest.onFx(() -> FxToolkit.toolkitContext().getRegisteredStage().getIcons()
                    .stream().map(image -> image.getWidth()).toList());
            assertThat(widths).containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        }
    }
}
