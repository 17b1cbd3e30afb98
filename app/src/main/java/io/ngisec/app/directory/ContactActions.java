package io.ngisec.app.directory;

import io.ngisec.app.service.Colleague;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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

    /** Whether files dropped on {@code colleague}'s row are taken (the transfers screen says so). */
    default boolean acceptsFiles(Colleague colleague) {
        return false;
    }

    /** Files and folders dropped on {@code colleague}'s row; only called when {@link #acceptsFiles} said yes. */
    default void filesDropped(Colleague colleague, List<Path> paths) {
        throw new IllegalStateException("files are not taken here");
    }

    /**
     * These actions with {@code action} handed to {@code handler} (and dropped files too when
     * {@code action} is {@link ContactAction#SEND_FILES}): how each screen plugs in its own action.
     */
    default ContactActions with(ContactAction action, ContactActions handler) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(handler, "handler");
        ContactActions rest = this;
        return new ContactActions() {
            @Override
            public ActionState state(ContactAction a, Colleague colleague) {
                return (a == action ? handler : rest).state(a, colleague);
            }

            @Override
            public void perform(ContactAction a, Colleague colleague) {
                (a == action ? handler : rest).perform(a, colleague);
            }

            @Override
            public boolean acceptsFiles(Colleague colleague) {
                return (action == ContactAction.SEND_FILES ? handler : rest).acceptsFiles(colleague);
            }

            @Override
            public void filesDropped(Colleague colleague, List<Path> paths) {
                (action == ContactAction.SEND_FILES ? handler : rest).filesDropped(colleague, paths);
            }
        };
    }

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
