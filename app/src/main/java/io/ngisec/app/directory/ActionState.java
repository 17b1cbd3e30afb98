package io.ngisec.app.directory;

import java.util.Objects;

/** Whether a contact action can run now, and the tooltip that says what it does or why it cannot. */
public record ActionState(boolean enabled, String tooltip) {

    public ActionState {
        Objects.requireNonNull(tooltip, "tooltip");
    }
}
