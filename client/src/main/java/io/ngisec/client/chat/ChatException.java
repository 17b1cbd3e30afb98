package io.ngisec.client.chat;

/** A chat message could not be sent or read; the message is one line for users. */
public final class ChatException extends Exception {

    public ChatException(String message) {
        super(message);
    }

    public ChatException(String message, Throwable cause) {
        super(message, cause);
    }
}
