package io.ngisec.server.signal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Two in-memory transports joined like two server instances on one database. */
final class PairedTransport implements SignalTransport {

    private final Set<String> connectedHere = ConcurrentHashMap.newKeySet();
    private PairedTransport other;
    private Listener listener;

    static PairedTransport[] pair() {
        PairedTransport a = new PairedTransport();
        PairedTransport b = new PairedTransport();
        a.other = b;
        b.other = a;
        return new PairedTransport[] {a, b};
    }

    @Override
    public void publish(String deviceId, String kind, String json) {
        if (other.listener != null) {
            other.listener.onMessage(deviceId, kind, json);
        }
    }

    @Override
    public void subscribe(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void announce(String deviceId, boolean connected) {
        if (connected) {
            connectedHere.add(deviceId);
        } else {
            connectedHere.remove(deviceId);
        }
    }

    @Override
    public boolean connectedElsewhere(String deviceId) {
        return other.connectedHere.contains(deviceId);
    }
}
