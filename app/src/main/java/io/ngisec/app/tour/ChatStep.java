package io.ngisec.app.tour;

import io.ngisec.app.chat.ConversationEntry;
import io.ngisec.client.chat.ChatDirection;

/** The conversation with the contact: a message sent from the composer and the contact's reply. */
final class ChatStep implements TourStep {

    private static final String MESSAGE = "Hi echo, did the sample file arrive?";

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public void show(TourGuide guide) throws TourFailure, InterruptedException {
        String contact = guide.contact();
        guide.press("#chat-" + contact);
        guide.await("the conversation with " + contact + " open", () -> guide.find("#chatInput-" + contact) != null);
        guide.type("#chatInput-" + contact, MESSAGE);
        guide.press("#chatSend-" + contact);
        guide.await("a reply from " + contact, () -> guide.workbench().conversations().find(contact)
                .map(c -> c.entries().stream().anyMatch(e -> e instanceof ConversationEntry.Message m
                        && m.direction() == ChatDirection.INCOMING && m.text().contains(MESSAGE)))
                .orElse(false));
    }
}
