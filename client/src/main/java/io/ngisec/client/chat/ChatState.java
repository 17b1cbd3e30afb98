package io.ngisec.client.chat;

/** Where a chat message is: sent and waiting for a receipt, delivered (or received), or failed. */
public enum ChatState {
    SENT,
    DELIVERED,
    FAILED
}
