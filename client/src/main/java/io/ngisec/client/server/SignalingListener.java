package io.ngisec.client.server;

/**
 * Receives a signaling connection's events, one at a time and in order, on the connection's own
 * event thread; a slow listener delays later events but never the connection.
 */
@FunctionalInterface
public interface SignalingListener {

    void onEvent(SignalingEvent event);
}
