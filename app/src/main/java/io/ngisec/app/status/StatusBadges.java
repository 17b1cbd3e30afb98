package io.ngisec.app.status;

import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * The small status badges of icons/badges (online, offline, direct, relayed), which icons/render.sh
 * copies onto the class path; each render is loaded once and shared by every view showing it.
 */
public final class StatusBadges {

    private static final Map<String, Image> LOADED = new ConcurrentHashMap<>();

    private StatusBadges() {
    }

    /** A 16 px view of badge {@code name} from its {@code size} px render (16, or 32 for a sharper picture on HiDPI screens). */
    public static ImageView image(String name, int size) {
        ImageView view = new ImageView(LOADED.computeIfAbsent(name + "-" + size, key -> new Image(resource(key).toExternalForm())));
        view.setFitWidth(16);
        view.setFitHeight(16);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        return view;
    }

    /** The render {@code name-size.png}; a missing one is a packaging fault, so it throws. */
    static URL resource(String nameAndSize) {
        URL url = StatusBadges.class.getResource("/io/ngisec/app/icons/badges/" + nameAndSize + ".png");
        if (url == null) {
            throw new IllegalStateException("icons/badges/" + nameAndSize + ".png is missing from the class path; run icons/render.sh");
        }
        return url;
    }
}
