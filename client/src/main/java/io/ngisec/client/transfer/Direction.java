package io.ngisec.client.transfer;

/** Whether this peer sends or receives a transfer. */
public enum Direction {
    OUTGOING,
    INCOMING
}
