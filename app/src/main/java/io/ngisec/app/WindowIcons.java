package io.ngisec.app;

import java.net.URL;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The window's icons: the app icon's renders that icons/render.sh copies onto the class path, one
 * per size so each platform picks the one it draws (title bar, task bar, switcher) unscaled.
 */
final class WindowIcons {

    /** Pixel sizes of the renders on the class path, each {@code icons/ngisec-SIZE.png}. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** The render of {@code size} pixels; a missing one is a packaging fault, so it throws. */
    static URL resource(int size) {
        URL url = WindowIcons.class.getResource("icons/ngisec-" + size + ".png");
        if (url == null) {
            throw new IllegalStateException("icons/ngisec-" + size + ".png is missing from the class path; run icons/render.sh");
        }
        return url;
    }

    /** All sizes as images, for {@code stage.getIcons()}. */
    static List<Image> all() {
        return SIZES.stream().map(size -> new Image(resource(size).toExternalForm())).toList();
    }
}
