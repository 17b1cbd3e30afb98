package io.ngisec.app.directory;

import io.ngisec.app.service.Colleague;

/**
 * The extension point for the call, transfer and chat screens: the directory asks it whether an
 * action is available for a colleague and hands it the action when the user picks it. Called on
 * the FX thread; long work belongs elsewhere.
 */
public interface ContactActions {

    /** Whether {@code action} can run for {@code colleague} now, with its tooltip. */
    ActionState state(ContactAction action, Colleague colleague);

    /** Runs {@code action} for {@code colleague}; only called when {@link #state} said enabled. */
    void perform(ContactAction action, Colleague colleague);

    /** Every action present but disabled, each saying which screen brings it. */
    ContactActions PENDING = new ContactActions() {
        @Override
        public ActionState state(ContactAction action, Colleague colleague) {
            return new ActionState(false, switch (action) {
                case CALL -> "arrives with the call screen";
                case SEND_FILES -> "arrives with the transfers screen";
                case CHAT -> "arrives with the chat screen";
            });
        }

        @Override
        public void perform(ContactAction action, Colleague colleague) {
            throw new IllegalStateException(action + " is not available yet");
        }
    };
}
