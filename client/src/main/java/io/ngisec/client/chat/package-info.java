/**
 * Chat over a live {@link io.ngisec.client.link.PeerLink}: messages with ids on the control
 * channel, delivery receipts, and the history per peer user in the peer database. Entry point:
 * {@link io.ngisec.client.chat.ChatEngine}.
 */
package io.ngisec.client.chat;
