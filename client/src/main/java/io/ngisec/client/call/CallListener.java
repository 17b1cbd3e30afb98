package io.ngisec.client.call;

/**
 * Hears calls. Called on one event thread per {@link CallManager}, in order, never on a link's
 * reader thread; implementations return quickly (a blocked listener delays later events, not the
 * links). Decide incoming calls later, from any thread, through {@link IncomingCall}.
 */
public interface CallListener {

    /**
     * A peer calls and this device rings until {@link IncomingCall#accept()} or
     * {@link IncomingCall#decline(String)}, or the ring timeout ends it as missed. By default
     * declines: {@code "not accepting calls"}.
     */
    default void onIncoming(IncomingCall call) {
        call.decline("not accepting calls");
    }

    /** Something happened to a call. */
    default void onEvent(CallEvent event) {
    }

    /** A listener that declines every call and ignores events. */
    CallListener NONE = new CallListener() {
    };
}
