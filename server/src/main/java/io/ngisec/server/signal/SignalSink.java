package io.ngisec.server.signal;

/**
 * Where the {@link SignalingHub} sends one device connection's messages: in production a WebSocket.
 * Implementations must be thread safe, must not block, and must not throw (a sink that cannot
 * deliver drops the message or closes itself).
 */
public interface SignalSink {

    /** Queues one JSON message (a server-to-device signaling frame) for the device. */
    void send(String json);

    /** Closes the connection with a WebSocket close code (for example 4003 revoked) and a short reason. */
    void close(int code, String reason);
}
