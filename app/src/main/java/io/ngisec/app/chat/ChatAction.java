package io.ngisec.app.chat;

import io.ngisec.app.directory.ActionState;
import io.ngisec.app.directory.ContactAction;
import io.ngisec.app.directory.ContactActions;
import io.ngisec.app.service.Colleague;

/** The directory's "Chat" action: opens the conversation (history is there even while the colleague is offline). */
public final class ChatAction implements ContactActions {

    private final ConversationsViewModel conversations;

    public ChatAction(ConversationsViewModel conversations) {
        this.conversations = conversations;
    }

    @Override
    public ActionState state(ContactAction action, Colleague colleague) {
        int unread = conversations.unread(colleague.user());
        String tip = colleague.online() ? "chat with " + colleague.user() : "read the conversation (" + colleague.user() + " is offline)";
        return new ActionState(true, unread > 0 ? tip + ", " + unread + " unread" : tip);
    }

    @Override
    public void perform(ContactAction action, Colleague colleague) {
        conversations.open(colleague.user());
    }
}
