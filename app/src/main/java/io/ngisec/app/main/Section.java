package io.ngisec.app.main;

import java.util.Objects;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the main window's navigation: its id (the button is {@code #nav-ID}), the title
 * and icon it shows, and the screen it brings up.
 */
public record Section(String id, String title, Ikon icon, Node content) {

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(content, "content");
    }
}
