package io.ngisec.client.chat;

import java.util.concurrent.CompletableFuture;

/** A message just sent, and its outcome: completes DELIVERED on the receipt, FAILED if the link ends first. */
public record SentChat(ChatMessage message, CompletableFuture<ChatMessage> outcome) {
}
