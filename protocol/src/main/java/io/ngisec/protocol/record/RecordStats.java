package io.ngisec.protocol.record;

/** A snapshot of both directions of one session's record layer, for monitoring. */
public record RecordStats(SendStats send, ReceiveStats receive) {
}
