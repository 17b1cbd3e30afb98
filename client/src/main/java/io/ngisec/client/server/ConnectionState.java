package io.ngisec.client.server;

/** Where a signaling connection is in its life. */
public enum ConnectionState {
    /** Opening the WebSocket. */
    CONNECTING,
    /** Open: signals can be sent. */
    CONNECTED,
    /** Down; waiting before the next attempt. */
    WAITING,
    /** The server closed it because this device was revoked: it does not reconnect. */
    REVOKED,
    /** Closed by its owner. */
    CLOSED
}
