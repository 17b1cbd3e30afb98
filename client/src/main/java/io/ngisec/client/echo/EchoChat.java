package io.ngisec.client.echo;

import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.protocol.identity.DeviceId;
import java.util.function.Consumer;

/**
 * Answers every chat message with {@code echo: TEXT}, on a thread of its own (a chat listener runs
 * on the link's reader and must return at once), after telling {@code also} of it. A reply that
 * cannot be sent is reported to {@code notes} in one line.
 */
public final class EchoChat implements ChatListener {

    /** Sends a reply to a device. */
    @FunctionalInterface
    public interface Replier {
        /** Sends {@code text} to {@code device}; throws with a one-line message when it cannot. */
        void reply(DeviceId device, String text) throws Exception;
    }

    static final String PREFIX = "echo: ";

    private final ChatListener also;
    private final Replier replier;
    private final Consumer<String> notes;

    public EchoChat(ChatListener also, Replier replier, Consumer<String> notes) {
        this.also = also;
        this.replier = replier;
        this.notes = notes;
    }

    /** The reply to {@code text}, cut to what a chat message may hold. */
    static String reply(String text) {
        String reply = PREFIX + text;
        return reply.length() <= ChatEngine.MAX_TEXT ? reply : reply.substring(0, ChatEngine.MAX_TEXT);
    }

    @Override
    public void received(ChatMessage message) {
        also.received(message);
        Thread.ofVirtual().name("echo-chat").start(() -> {
            try {
                replier.reply(message.peerDevice(), reply(message.text()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                notes.accept("cannot reply to " + message.peerUser() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void stateChanged(ChatMessage message) {
        also.stateChanged(message);
    }
}
