package io.ngisec.server.signal;

/**
 * The transport of a single server instance: there are no other instances, so nothing is
 * published anywhere and no device is connected elsewhere. Thread safe (stateless).
 */
public final class LocalSignalTransport implements SignalTransport {

    @Override
    public void publish(String deviceId, String kind, String json) {
        // No other instance to tell.
    }

    @Override
    public void subscribe(Listener listener) {
        // No other instance will ever publish.
    }

    @Override
    public void announce(String deviceId, boolean connectedHere) {
        // Nobody else asks.
    }

    @Override
    public boolean connectedElsewhere(String deviceId) {
        return false;
    }
}
