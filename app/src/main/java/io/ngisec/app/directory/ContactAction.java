package io.ngisec.app.directory;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** What the user can do with a colleague, in the order the row and its menu show them. */
public enum ContactAction {
    CALL("Call", Feather.PHONE),
    SEND_FILES("Send files", Feather.PAPERCLIP),
    CHAT("Chat", Feather.MESSAGE_SQUARE);

    private final String label;
    private final Ikon icon;

    ContactAction(String label, Ikon icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }
}
