package io.ngisec.server.signal;

/**
 * How a {@link SignalingHub} reaches the hubs of other server instances (for example over
 * PostgreSQL LISTEN/NOTIFY). A transport delivers what this instance publishes to every
 * <em>other</em> instance's listener, never back to its own, and answers where devices are
 * connected. Implementations must be thread safe; publish must not block for long and must not
 * throw (a message that cannot be sent is dropped and logged: signaling is best effort).
 */
public interface SignalTransport {

    /** A device-to-device signal; the device id is the recipient; the JSON is the frame it gets. */
    String SIGNAL = "signal";
    /** A device came online or went offline everywhere; the device id is that device. */
    String PRESENCE = "presence";
    /** A device was revoked; the device id is that device. */
    String REVOKED = "revoked";
    /** The policy changed; the device id is null. */
    String POLICY = "policy";

    /**
     * Sends one message to the other instances. {@code deviceId} (UUID text, or null for
     * {@link #POLICY}) is what {@code kind} says; {@code json} is the frame their devices get.
     */
    void publish(String deviceId, String kind, String json);

    /** Registers the hub that handles what other instances publish; called once, before any publish. */
    void subscribe(Listener listener);

    /** Records that this instance now holds at least one ({@code true}) or no longer any connection of a device. */
    void announce(String deviceId, boolean connectedHere);

    /** Whether another instance holds a connection of the device. */
    boolean connectedElsewhere(String deviceId);

    /** Receives what other instances publish. Called on the transport's thread; must not block for long. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String deviceId, String kind, String json);
    }
}
