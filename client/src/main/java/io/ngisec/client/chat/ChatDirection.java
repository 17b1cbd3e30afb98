package io.ngisec.client.chat;

/** Whether this peer wrote a chat message or received it. */
public enum ChatDirection {
    OUTGOING,
    INCOMING
}
